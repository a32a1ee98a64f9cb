using System.Net;
using System.Text;
using System.Text.Json;
using CareerConv.Web.Hosting;
using CareerConv.Web.Routing;
using CareerConv.Web.Tests.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests.Security;

public sealed class AdminAuthorizationTests
{
    const string Role = "CareerConv.Admin";

    public static TheoryData<string> AdminRoutes() =>
        [.. WebRoutes.All.Where(r => r.Access == RouteAccess.Admin).Select(r => r.Name)];

    static Dictionary<string, string?> EntraId() => new()
    {
        ["CareerConv:Admin:Mode"] = "EntraId",
        ["CareerConv:Admin:Role"] = Role,
    };

    /// <summary>Encodes a client principal the way App Service Authentication sends it.</summary>
    static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = roles.Select(r => new { typ = "roles", val = r })
            .Append(new { typ = "name", val = "Ada Admin" }),
    })));

    static HttpRequestMessage Request(string routeName, string? key = null, string? principal = null)
    {
        var route = WebRoutes.Get(routeName);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), "/" + route.Template + "?cycle=2026-autumn&staffNumber=S0042")
        {
            Content = route.Method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
        if (key is not null)
        {
            request.Headers.Add(AdminKey.HeaderName, key);
        }

        if (principal is not null)
        {
            request.Headers.Add(EntraIdAdminAuthorizer.PrincipalHeader, principal);
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_NoOrWrongKey_Returns401(string routeName)
    {
        await using var web = await WebApp.StartAsync();
        var wrongKeys = new[] { null, "", WebApp.Key + "x", WebApp.Key[..^1], WebApp.Key.ToUpperInvariant(), "x-functions-key" };

        foreach (var key in wrongKeys)
        {
            using var request = Request(routeName, key);
            var response = await web.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            PageForms.AssertSecurityHeaders(response);
        }

        var wrongQuery = await web.Client.SendAsync(new HttpRequestMessage(
            new HttpMethod(WebRoutes.Get(routeName).Method), "/" + WebRoutes.Get(routeName).Template + "?code=wrong-" + WebApp.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongQuery.StatusCode);
        await foreach (var instance in web.Durable.GetAllInstancesAsync())
        {
            Assert.Fail($"Instance {instance.InstanceId} was started.");
        }
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_RightKey_PassesTheCheck(string routeName)
    {
        await using var web = await WebApp.StartAsync();

        using var request = Request(routeName, WebApp.Key);
        var response = await web.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task EntraId_PrincipalWithRole_PassesTheCheck(string routeName)
    {
        await using var web = await WebApp.StartAsync(settings: EntraId());

        using var request = Request(routeName, principal: Principal("Other.Role", Role));
        var response = await web.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraId_MissingOrWrongPrincipal_Returns401()
    {
        await using var web = await WebApp.StartAsync(settings: EntraId());
        string?[] principals =
        [
            null, "", "not base64 at all", Convert.ToBase64String("{\"claims\":"u8.ToArray()),
            Convert.ToBase64String("[]"u8.ToArray()), Principal(), Principal("careerconv.admin"), Principal("Reader"),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('A', 40_000))),
        ];

        foreach (var principal in principals)
        {
            using var request = Request(RouteNames.GetConversationStatus, principal: principal);
            var response = await web.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task EntraId_AdminKeyAlone_Returns401()
    {
        await using var web = await WebApp.StartAsync(settings: EntraId());

        using var request = Request(RouteNames.GetConversationStatus, WebApp.Key);
        var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Microsoft Entra ID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionKeyMode_OnHostWithoutKeys_FailsAtStart()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CareerConv:Admin:Mode"] = "FunctionKey" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddCareerConvAdmin(configuration, AdminMode.AdminKey, AdminMode.AdminKey, AdminMode.EntraId));

        Assert.Contains("'FunctionKey', which this host cannot enforce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsHostDefault_IsFunctionKeyAndAllows()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection()
            .AddCareerConvAdmin(configuration, AdminMode.FunctionKey, AdminMode.FunctionKey, AdminMode.EntraId)
            .BuildServiceProvider();

        var authorizer = services.GetRequiredService<IAdminAuthorizer>();

        Assert.Equal(AdminMode.FunctionKey, authorizer.Mode);
        Assert.True(authorizer.Authorize(new DefaultHttpContext().Request).Allowed);
    }

    [Fact]
    public void EntraIdMode_EmptyRole_FailsAtStart()
    {
        var settings = EntraId();
        settings["CareerConv:Admin:Role"] = " ";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddCareerConvAdmin(configuration, AdminMode.FunctionKey, AdminMode.FunctionKey, AdminMode.EntraId));

        Assert.Contains("CareerConv:Admin:Role is empty", error.Message, StringComparison.Ordinal);
    }
}
