using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Hosting;

/// <summary>
/// Allows every request that reaches the handler, because the Azure Functions host has already
/// rejected requests without a valid function key (the admin triggers use
/// <c>AuthorizationLevel.Function</c>). Only the Functions host may register it.
/// </summary>
public sealed class FunctionKeyAdminAuthorizer : IAdminAuthorizer
{
    public AdminMode Mode => AdminMode.FunctionKey;

    public AdminDecision Authorize(HttpRequest request) => AdminDecision.Allow;
}

/// <summary>Checks the local host's <see cref="Hosting.AdminKey"/>.</summary>
public sealed class AdminKeyAdminAuthorizer(AdminKey key) : IAdminAuthorizer
{
    public AdminMode Mode => AdminMode.AdminKey;

    public AdminDecision Authorize(HttpRequest request) => key.Authorizes(request)
        ? AdminDecision.Allow
        : AdminDecision.Reject(
            $"This route needs the admin key in the '{AdminKey.HeaderName}' header or the '{AdminKey.QueryName}' query value.");
}

/// <summary>
/// Checks the principal that App Service Authentication (Easy Auth) adds as the base64 JSON header
/// <c>X-MS-CLIENT-PRINCIPAL</c> for an app role. App Service removes this header from incoming requests
/// and sets it only for a signed-in caller, so the header can be trusted only where App Service
/// Authentication is turned on in front of the app.
/// </summary>
public sealed class EntraIdAdminAuthorizer(string role) : IAdminAuthorizer
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The largest principal header read, in characters; a real one is a few kilobytes.</summary>
    const int MaxHeaderChars = 32 * 1024;

    static readonly string[] RoleClaimTypes =
        ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public AdminMode Mode => AdminMode.EntraId;

    public AdminDecision Authorize(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers[PrincipalHeader];
        if (string.IsNullOrEmpty(header))
        {
            return AdminDecision.Reject($"This route needs a caller signed in with Microsoft Entra ID; no {PrincipalHeader} header was sent.");
        }

        var roles = header.Length <= MaxHeaderChars ? ReadRoles(header) : null;
        if (roles is null)
        {
            return AdminDecision.Reject($"The {PrincipalHeader} header is not a valid client principal.");
        }

        return roles.Contains(role, StringComparer.Ordinal)
            ? AdminDecision.Allow
            : AdminDecision.Reject($"The signed-in caller does not have the app role '{role}'.");
    }

    /// <summary>Returns the role claims of the principal, or null when the header cannot be read.</summary>
    static List<string>? ReadRoles(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
            var roles = new List<string>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object
                    && claim.TryGetProperty("typ", out var type) && type.ValueKind == JsonValueKind.String
                    && claim.TryGetProperty("val", out var value) && value.ValueKind == JsonValueKind.String
                    && (RoleClaimTypes.Contains(type.GetString()) || type.GetString() == roleType))
                {
                    roles.Add(value.GetString()!);
                }
            }

            return roles;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }
}
