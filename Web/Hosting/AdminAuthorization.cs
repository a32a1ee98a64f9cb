using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Hosting;

/// <summary>How admin routes are authorized, set by <c>CareerConv:Admin:Mode</c>.</summary>
public enum AdminMode
{
    /// <summary>The Azure Functions host checks the function key before the handler runs.</summary>
    FunctionKey,

    /// <summary>The handler checks the <see cref="AdminKey"/>: the local host's credential.</summary>
    AdminKey,

    /// <summary>
    /// The handler checks the principal that App Service Authentication passes in the
    /// <c>X-MS-CLIENT-PRINCIPAL</c> header for the configured app role.
    /// </summary>
    EntraId,
}

/// <summary>Settings of the admin credential, bound from <c>CareerConv:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "CareerConv:Admin";
    public const string DefaultRole = "CareerConv.Admin";

    /// <summary>The mode; each host has its own default.</summary>
    public AdminMode? Mode { get; set; }

    /// <summary>The app role that an Entra ID principal needs in <see cref="AdminMode.EntraId"/> mode.</summary>
    public string Role { get; set; } = DefaultRole;
}

/// <summary>The outcome of checking a request to an admin route.</summary>
/// <param name="Allowed">Whether the handler may run.</param>
/// <param name="Detail">Why the request was rejected, for the 401 response; null when allowed.</param>
public sealed record AdminDecision(bool Allowed, string? Detail)
{
    public static AdminDecision Allow { get; } = new(true, null);

    public static AdminDecision Reject(string detail) => new(false, detail);
}

/// <summary>Decides whether a request may call an admin route. Every host runs it before an admin handler.</summary>
public interface IAdminAuthorizer
{
    AdminMode Mode { get; }

    AdminDecision Authorize(HttpRequest request);
}
