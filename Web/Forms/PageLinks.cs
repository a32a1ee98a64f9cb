using CareerConv.Web.Links;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Forms;

/// <summary>
/// Makes the links a page shows: to the same role's other pages (same scope, version and expiry) and
/// short-lived download links. All are site-relative, so they work behind any host name.
/// </summary>
public sealed class PageLinks(LinkSigner signer, IOptions<LinkOptions> options, TimeProvider clock)
{
    /// <summary>Returns the path of the page with the same token, plus any extra query text.</summary>
    public static string Self(string path, string token, string? query = null) =>
        $"/{path}?{LinkPaths.TokenParameter}={Uri.EscapeDataString(token)}{(query is null ? "" : "&" + query)}";

    /// <summary>Returns a link to another page of the same role, expiring with the current link.</summary>
    public string Sibling(LinkClaims current, LinkAction action)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Self(LinkPaths.For(action), signer.Sign(current with { Action = action }));
    }

    /// <summary>Returns a download link that expires soon, and never after the current link.</summary>
    public string Download(LinkClaims current, LinkAction action)
    {
        ArgumentNullException.ThrowIfNull(current);
        var soon = clock.GetUtcNow() + options.Value.DownloadLifetime;
        var expiresAt = soon < current.ExpiresAt ? soon : current.ExpiresAt;
        return Self(LinkPaths.For(action), signer.Sign(current with { Action = action, ExpiresAt = expiresAt }));
    }
}
