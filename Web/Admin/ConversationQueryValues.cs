using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Admin;

/// <summary>Reads the conversation an admin route is about from its <c>?cycle=&amp;staffNumber=</c> query.</summary>
static class ConversationQueryValues
{
    /// <summary>Returns the instance id, or a 400 problem naming what is missing or invalid.</summary>
    public static (string? InstanceId, IResult? Problem) InstanceId(HttpRequest request)
    {
        string? cycle = request.Query["cycle"], staffNumber = request.Query["staffNumber"];
        if (string.IsNullOrWhiteSpace(cycle) || string.IsNullOrWhiteSpace(staffNumber))
        {
            return (null, Problems.BadRequest("The query must name both 'cycle' and 'staffNumber'."));
        }

        try
        {
            return (ConversationIdentity.InstanceId(cycle, staffNumber), null);
        }
        catch (ArgumentException ex)
        {
            return (null, Problems.BadRequest(ArgumentErrors.MessageOf(ex)));
        }
    }
}
