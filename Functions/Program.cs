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
builder.Logging.AddCareerConvLogFilters();
builder.Services.AddCareerConv(builder.Configuration);
builder.Services.AddCareerConvDurableStores(builder.Configuration);
builder.Services.AddCareerConvDocuments(builder.Configuration);
builder.Services.AddCareerConvMail(builder.Configuration);

// The admin triggers use AuthorizationLevel.Function, so the host checks a function key in every mode;
// EntraId mode adds the app role check on top of it.
builder.Services.AddCareerConvAdmin(builder.Configuration, AdminMode.FunctionKey, AdminMode.FunctionKey, AdminMode.EntraId);
builder.Services.Configure<DurableTaskWorkerOptions>(options =>
    options.MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(builder.Configuration));
builder.Build().Run();
