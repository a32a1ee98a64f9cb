using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Hosting;

/// <summary>Registers the <see cref="IAdminAuthorizer"/> that <c>CareerConv:Admin:Mode</c> selects.</summary>
public static class AdminServices
{
    /// <summary>
    /// Adds the admin authorizer. Without <c>CareerConv:Admin:Mode</c> the host's
    /// <paramref name="defaultMode"/> is used; a mode the host cannot enforce raises
    /// <see cref="InvalidOperationException"/> at start-up. <see cref="AdminMode.AdminKey"/> needs an
    /// <see cref="AdminKey"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddCareerConvAdmin(
        this IServiceCollection services, IConfiguration configuration, AdminMode defaultMode, params AdminMode[] supportedModes)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        var mode = options.Mode ?? defaultMode;
        if (!supportedModes.Contains(mode))
        {
            throw new InvalidOperationException(
                $"{AdminOptions.SectionName}:Mode is '{mode}', which this host cannot enforce; "
                + $"use one of: {string.Join(", ", supportedModes)}.");
        }

        if (mode == AdminMode.EntraId && string.IsNullOrWhiteSpace(options.Role))
        {
            throw new InvalidOperationException(
                $"{AdminOptions.SectionName}:Role is empty; name the app role that admins hold, for example '{AdminOptions.DefaultRole}'.");
        }

        IAdminAuthorizer? authorizer = mode switch
        {
            AdminMode.FunctionKey => new FunctionKeyAdminAuthorizer(),
            AdminMode.EntraId => new EntraIdAdminAuthorizer(options.Role.Trim()),
            _ => null,
        };
        if (authorizer is null)
        {
            services.AddSingleton<IAdminAuthorizer, AdminKeyAdminAuthorizer>();
        }
        else
        {
            services.AddSingleton(authorizer);
        }

        return services;
    }
}
