using CareerConv.Infrastructure.Storage;
using CareerConv.Mail.Calendar;
using CareerConv.Mail.Delivery;
using CareerConv.Mail.Ledger;
using CareerConv.Mail.Rendering;
using CareerConv.Mail.Transport;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>CareerConv:Mail</c>, adds the storage clients for the send ledger, and registers
    /// <see cref="MailMessageSender"/> as the <see cref="IMessageSender"/>: ledger, templates, then SendGrid
    /// when <c>CareerConv:Mail:SendGrid:ApiKey</c> is set, otherwise the outbox folder. The host registers
    /// an <see cref="IActionLinkBuilder"/>.
    /// </summary>
    public static IServiceCollection AddCareerConvMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCareerConvStorage(configuration);
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailTemplates>();
        services.TryAddSingleton<MeetingInvites>();
        services.TryAddSingleton<MailRenderer>();
        services.TryAddSingleton<SendLedger>();
        services.TryAddSingleton<IMailTransport>(CreateTransport);
        services.RemoveAll<IMessageSender>();
        services.AddSingleton<IMessageSender, MailMessageSender>();
        return services;
    }

    static IMailTransport CreateTransport(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MailOptions>>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return options.Value.UsesSendGrid
            ? new SendGridTransport(options, TimeProvider.System, loggers.CreateLogger<SendGridTransport>())
            : new OutboxTransport(options, services.GetRequiredService<TimeProvider>(), loggers.CreateLogger<OutboxTransport>());
    }
}
