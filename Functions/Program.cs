using CareerConv.Infrastructure.Documents;
using CareerConv.Infrastructure.Stores;
using CareerConv.Mail;
using CareerConv.Web.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.AddCareerConvFacultiesFile();
builder.Services.AddCareerConv(builder.Configuration);
builder.Services.AddCareerConvDurableStores(builder.Configuration);
builder.Services.AddCareerConvDocuments(builder.Configuration);
builder.Services.AddCareerConvMail(builder.Configuration);
builder.Services.Configure<DurableTaskWorkerOptions>(options =>
    options.MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(builder.Configuration));
builder.Build().Run();
