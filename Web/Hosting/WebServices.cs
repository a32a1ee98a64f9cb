using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Forms;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Hosting;

/// <summary>Registers the link signing and the link pages.</summary>
public static class WebServices
{
    /// <summary>
    /// Adds signed links (<see cref="IActionLinkBuilder"/>) and the services the link pages use. The
    /// link settings from <c>CareerConv:Links</c> are checked when the host starts. Stores a host has
    /// already registered are kept; notes drafts default to memory.
    /// </summary>
    public static IServiceCollection AddCareerConvWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>());
        services.TryAddSingleton<LinkSigner>();
        services.TryAddSingleton<IActionLinkBuilder, SignedActionLinkBuilder>();

        services.TryAddSingleton<PageRenderer>();
        services.TryAddSingleton<StatusPages>();
        services.TryAddSingleton<LinkGate>();
        services.TryAddSingleton<FormProtection>();
        services.TryAddSingleton<PageLinks>();
        services.TryAddSingleton<FormKit>();
        services.TryAddSingleton<FreshLinkLimiter>();
        services.TryAddSingleton<IConversationQuery, DurableConversationQuery>();

        // NOTE: drafts kept in memory are lost on restart and not shared between instances; a durable
        // store replaces this default where a host registers one first.
        services.TryAddSingleton<INotesDrafts, InMemoryNotesDrafts>();
        return services;
    }
}
