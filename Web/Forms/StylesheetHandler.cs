using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>Serves the one stylesheet that carries the university's branding.</summary>
public static class StylesheetHandler
{
    public static Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var renderer = request.HttpContext.RequestServices.GetRequiredService<PageRenderer>();
        return Task.FromResult(Results.Text(renderer.Stylesheet, "text/css; charset=utf-8"));
    }
}
