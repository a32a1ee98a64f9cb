using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>The reviewer's read-only view of the notes the staff member sent.</summary>
public static class NotesHandlers
{
    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Notes, [ActorRole.Reviewer]);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        var notes = linked.Status.NotesBlobName is { } blobName
            ? await NotesJson.ReadAsync(
                request.HttpContext.RequestServices.GetRequiredService<IDocumentStore>(), blobName, request.HttpContext.RequestAborted)
            : null;
        var model = ReviewerPages.Model(kit, linked, ReviewerPages.Settings(request, linked.Input));
        model["elements"] = notes is null ? null : ReflectionElements.Model(notes);
        model["missed"] = linked.Status.Reflection == ReflectionState.Missed;
        return await kit.Renderer.RenderAsync("notes", $"Reflection notes from {linked.Input.Staff.Name}", model);
    }
}
