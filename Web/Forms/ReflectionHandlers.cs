using System.Security.Cryptography;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>
/// The staff member's reflection page: the four-element form with a saved draft, an explicit send to
/// the reviewer, and a read-only view once sent. A completed conversation leads to the record page.
/// </summary>
public static class ReflectionHandlers
{
    const string Purpose = "reflection";

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Reflection, [ActorRole.Staff], allowCompleted: true);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        if (linked.Status.Stage == ConversationStage.Completed)
        {
            return FormKit.SeeOther(kit.Links.Sibling(linked.Claims, LinkAction.RecordView));
        }

        var sent = await ReadSentAsync(request, linked);
        if (sent is not null)
        {
            return await SentPageAsync(kit, linked, sent);
        }

        if (!AcceptsNotes(linked.Status.Stage))
        {
            return await kit.Status.NotNowAsync(NotOpenReason(linked.Status.Stage));
        }

        var drafts = request.HttpContext.RequestServices.GetRequiredService<INotesDrafts>();
        var draft = await drafts.ReadDraftAsync(linked.Input.ConversationId, request.HttpContext.RequestAborted);
        var saved = request.Query["saved"] == "1";
        return await FormPageAsync(kit, linked, draft ?? ReflectionElements.Empty, [], saved, StatusCodes.Status200OK);
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var opened = await kit.OpenPostAsync(request, client, LinkAction.Reflection, [ActorRole.Staff], Purpose);
        if (opened.Value is not { } posted)
        {
            return opened.Failure!;
        }

        var (linked, form) = posted;

        var self = PageLinks.Self(LinkPaths.Reflection, linked.Token);
        if (linked.Status.Reflection == ReflectionState.Submitted)
        {
            return FormKit.SeeOther(self);
        }

        if (!AcceptsNotes(linked.Status.Stage))
        {
            return await kit.Status.NotNowAsync(NotOpenReason(linked.Status.Stage));
        }

        var notes = ReflectionElements.FromForm(form);
        var sending = form["intent"] == "send";
        var errors = ReflectionElements.Check(notes, sending);
        if (errors.Count > 0)
        {
            return await FormPageAsync(kit, linked, notes, errors, saved: false, StatusCodes.Status400BadRequest);
        }

        var services = request.HttpContext.RequestServices;
        var cancellation = request.HttpContext.RequestAborted;
        await services.GetRequiredService<INotesDrafts>().SaveDraftAsync(linked.Input.ConversationId, notes, cancellation);
        if (!sending)
        {
            return FormKit.SeeOther(self + "&saved=1");
        }

        var stored = await StoreOnceAsync(services.GetRequiredService<IDocumentStore>(), linked.Input.ConversationId, notes, cancellation);
        var payload = new ReflectionSubmittedEvent(
            (string)form[FormProtection.SubmissionField]!, new Actor(ActorRole.Staff, linked.Input.Staff.Email),
            stored.BlobName, stored.Sha256);
        await client.RaiseEventAsync(linked.InstanceId, ConversationEvents.ReflectionSubmitted, payload, cancellation);
        return FormKit.SeeOther(self);
    }

    /// <summary>
    /// Stores the notes as version 1. When a first send already stored them (a double click, or a
    /// retry after the event could not be raised) the stored notes are used, so the send can complete.
    /// </summary>
    static async Task<StoredDocument> StoreOnceAsync(
        IDocumentStore store, string conversationId, ReflectionNotes notes, CancellationToken cancellationToken)
    {
        var name = DocumentNames.For(DocumentKind.Notes, conversationId, 1);
        await using (var existing = await store.OpenAsync(name, cancellationToken))
        {
            if (existing is not null)
            {
                return await DescribeAsync(name, existing, cancellationToken);
            }
        }

        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(notes, NotesJson.Options));
        try
        {
            return await store.SaveAsync(DocumentKind.Notes, conversationId, 1, content, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            await using var raced = await store.OpenAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Notes '{name}' could not be stored or read back.");
            return await DescribeAsync(name, raced, cancellationToken);
        }
    }

    static async Task<StoredDocument> DescribeAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        return new StoredDocument(name, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())), copy.Length);
    }

    /// <summary>Reads the sent notes, or returns null when none are stored yet.</summary>
    static async Task<ReflectionNotes?> ReadSentAsync(HttpRequest request, LinkedConversation linked)
    {
        var store = request.HttpContext.RequestServices.GetRequiredService<IDocumentStore>();
        var name = linked.Status.NotesBlobName ?? DocumentNames.For(DocumentKind.Notes, linked.Input.ConversationId, 1);
        return await NotesJson.ReadAsync(store, name, request.HttpContext.RequestAborted);
    }

    static Task<IResult> SentPageAsync(FormKit kit, LinkedConversation linked, ReflectionNotes notes)
    {
        // Notes stored but not yet seen by the conversation: the send can be repeated safely.
        var pending = linked.Status.Reflection != ReflectionState.Submitted;
        var (submissionId, protection) = kit.Protection.Issue(Purpose, linked.Token);
        return kit.Renderer.RenderAsync("reflection-sent", "Your reflection notes", new Dictionary<string, object?>
        {
            ["elements"] = ReflectionElements.Model(notes),
            ["pending"] = pending,
            ["action"] = PageLinks.Self(LinkPaths.Reflection, linked.Token),
            ["submissionId"] = submissionId,
            ["protection"] = protection,
            ["notes"] = ReflectionElements.All.ToDictionary(e => e.Field, e => (object?)e.Read(notes)),
        });
    }

    static Task<IResult> FormPageAsync(
        FormKit kit, LinkedConversation linked, ReflectionNotes notes, IReadOnlyList<FieldError> errors, bool saved, int statusCode)
    {
        var (submissionId, protection) = kit.Protection.Issue(Purpose, linked.Token);
        return kit.Renderer.RenderAsync("reflection", "Reflect before your career conversation", new Dictionary<string, object?>
        {
            ["staffName"] = linked.Input.Staff.Name,
            ["reviewerName"] = linked.Status.Reviewer?.Name,
            ["elements"] = ReflectionElements.Model(notes),
            ["saved"] = saved,
            ["missed"] = linked.Status.Reflection == ReflectionState.Missed,
            ["action"] = PageLinks.Self(LinkPaths.Reflection, linked.Token),
            ["submissionId"] = submissionId,
            ["protection"] = protection,
        }, statusCode, errors);
    }

    static bool AcceptsNotes(ConversationStage stage) => StageRules.Accepts(stage, ConversationEvents.ReflectionSubmitted);

    static string NotOpenReason(ConversationStage stage) => stage == ConversationStage.ReviewerAssignment
        ? "Your reviewer has not been named yet. We will email you when you can write your notes."
        : "Your meeting has taken place, so the reflection form is closed.";
}
