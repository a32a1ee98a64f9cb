using System.Net;
using CareerConv.LocalHost.Serve;
using CareerConv.Orchestrations.Timing;
using CareerConv.Web.Hosting;
using CareerConv.Web.Routing;
using Microsoft.Extensions.Configuration;

namespace CareerConv.LocalHost.Tests;

/// <summary>The local host's own pages and its error responses carry the same security headers as the shared routes.</summary>
public sealed class LocalServerSecurityTests
{
    [Fact]
    public async Task Serve_ExtraRoutesAndErrors_CarrySecurityHeaders()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-headers-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .Build();
        await using var server = await LocalServer.StartAsync(configuration, new ServeSettings(0, InMemory: true, data, Sample: false));
        using var http = new HttpClient { BaseAddress = server.Address };
        string[] paths = ["/", "/outbox", "/outbox/email?file=none", "/no-such-page", "/links/site.css", "/links/reflection?t=x", "/admin/progress"];

        foreach (var path in paths.Concat(WebRoutes.All.Select(r => "/" + r.Template)).Distinct())
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));

            var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{path}: CSP '{csp}'.");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task Serve_AdminRoutesWithoutRightKey_Return401()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-admin-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .Build();
        await using var server = await LocalServer.StartAsync(configuration, new ServeSettings(0, InMemory: true, data, Sample: false));
        using var http = new HttpClient { BaseAddress = server.Address };

        foreach (var route in WebRoutes.All.Where(r => r.Access == RouteAccess.Admin))
        {
            foreach (var key in new[] { null, "wrong", server.AdminKey.Value + "0" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Template + "?cycle=2026-27");
                if (key is not null)
                {
                    request.Headers.Add(AdminKey.HeaderName, key);
                }

                var response = await http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Name} with key '{key}': {response.StatusCode}.");
            }
        }
    }
}
