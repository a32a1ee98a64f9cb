using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Routing;

/// <summary>Headers every response carries, whichever host serves it.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages load styles and scripts from this site only, and no page can be framed, so a link page
    /// cannot be overlaid by another site to trick a click.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
