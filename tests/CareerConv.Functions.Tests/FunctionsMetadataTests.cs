using System.Text.Json;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Routing;

namespace CareerConv.Functions.Tests;

/// <summary>
/// Checks the <c>functions.metadata</c> that the Functions worker SDK generates at build time against
/// the shared route table and task list, so the Functions host and the local host cannot drift apart.
/// </summary>
public sealed class FunctionsMetadataTests
{
    static readonly Lazy<IReadOnlyList<JsonElement>> Functions = new(FunctionsMetadata.Load);

    [Fact]
    public void Metadata_EveryRoute_HasHttpFunctionWithSameTemplate()
    {
        foreach (var route in WebRoutes.All)
        {
            var trigger = FunctionsMetadata.Binding(Functions.Value, route.Name, "httpTrigger");

            Assert.Equal(route.Template, trigger.GetProperty("route").GetString());
            var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString() ?? "").ToArray();
            Assert.Equal([route.Method.ToLowerInvariant()], methods);
            var expectedLevel = route.Access == RouteAccess.Admin ? "Function" : "Anonymous";
            Assert.Equal(expectedLevel, trigger.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void Metadata_HttpFunctions_AreAllInRouteTable()
    {
        var httpFunctions = FunctionsMetadata.NamesWithTrigger(Functions.Value, "httpTrigger");

        Assert.Equal(WebRoutes.All.Select(r => r.Name).Order(), httpFunctions.Order());
    }

    [Fact]
    public void Metadata_Orchestrators_MatchTaskList()
    {
        var orchestrators = FunctionsMetadata.NamesWithTrigger(Functions.Value, "orchestrationTrigger");

        Assert.Equal(WorkflowTasks.Orchestrators.Order(), orchestrators.Order());
    }

    [Fact]
    public void Metadata_Activities_MatchTaskList()
    {
        var activities = FunctionsMetadata.NamesWithTrigger(Functions.Value, "activityTrigger");

        Assert.Equal(WorkflowTasks.Activities.Select(a => a.Name).Order(), activities.Order());
    }

    [Fact]
    public void Metadata_HttpFunctions_TakeDurableClient()
    {
        foreach (var route in WebRoutes.All)
        {
            var client = FunctionsMetadata.Binding(Functions.Value, route.Name, "durableClient");

            Assert.Equal("In", client.GetProperty("direction").GetString());
        }
    }
}
