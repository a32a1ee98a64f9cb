using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>The services every link page handler uses, resolved once per request.</summary>
public sealed record FormKit(
    PageRenderer Renderer, StatusPages Status, LinkGate Gate, FormProtection Protection, PageLinks Links, TimeProvider Clock)
{
    public static FormKit From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<FormKit>();
    }

    /// <summary>Redirects the browser to a page with GET after a successful post.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
