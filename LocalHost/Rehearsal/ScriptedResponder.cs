using System.Collections.Concurrent;
using System.Globalization;
using CareerConv.Engine;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Microsoft.DurableTask.Client;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>
/// Sends through the inner sender, then plays the person each request went to: it schedules the
/// event that person would raise on the virtual clock. A reminder with an earlier deadline (the
/// reflection deadline moves once the meeting is set) brings the reply forward under the same
/// submission id, so the conversation applies whichever copy arrives first and ignores the other.
/// </summary>
public sealed class ScriptedResponder(
    IMessageSender inner, VirtualClock clock, ResponsePlan plan, Func<DurableTaskClient> client)
    : IMessageSender
{
    static readonly TimeSpan PromptDelay = TimeSpan.FromDays(1);
    static readonly TimeSpan SlowMargin = TimeSpan.FromHours(2);

    readonly ConcurrentDictionary<string, DateTimeOffset> plannedReplies = new(StringComparer.Ordinal);

    public async Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sent = await inner.SendAsync(message, cancellationToken);
        if (sent && Reply(message) is { } reply)
        {
            Plan(message, reply.Name, reply.Payload);
        }

        return sent;
    }

    void Plan(OutgoingMessage message, string eventName, IConversationEvent payload)
    {
        if (ReplyTime(message) is not { } at)
        {
            return;
        }

        var key = payload.SubmissionId;
        if (plannedReplies.TryGetValue(key, out var planned) && planned <= at)
        {
            return;
        }

        plannedReplies[key] = at;
        // Keyed by instance: one conversation's replies arrive in order, different conversations' at once.
        clock.Schedule(at, message.InstanceId, ct => client().RaiseEventAsync(message.InstanceId, eventName, payload, ct));
    }

    /// <summary>Returns when the recipient replies, or null when the plan has them never act.</summary>
    DateTimeOffset? ReplyTime(OutgoingMessage message)
    {
        var now = clock.GetUtcNow();
        var role = message.To.Count > 0 ? message.To[0].Role : ActorRole.System;
        if (plan.TryGetDelay(message.Staff.StaffNumber, role, out var planned))
        {
            return planned is { } delay ? now + delay : null;
        }

        if (plan.Profile == ResponseProfile.Slow && message.Deadline is { } deadline && deadline - SlowMargin > now)
        {
            return deadline - SlowMargin;
        }

        return now + PromptDelay;
    }

    (string Name, IConversationEvent Payload)? Reply(OutgoingMessage message)
    {
        var actor = message.To.Count > 0 ? new Actor(message.To[0].Role, message.To[0].Person.Email) : Actor.System;
        var conversation = message.ConversationId;
        return message.Kind switch
        {
            MessageKind.ReviewerRequest or MessageKind.ReviewerRequestReminder => (ConversationEvents.ReviewerAssigned,
                new ReviewerAssignedEvent(Submission(message, "reviewer"), actor, ReviewerFor(message.Staff))),
            MessageKind.MeetingRequest or MessageKind.MeetingRequestReminder => (ConversationEvents.MeetingScheduled,
                new MeetingScheduledEvent(Submission(message, "meeting"), actor, MeetingTime(message), "Reviewer's office")),
            MessageKind.ReflectionInvitation or MessageKind.ReflectionReminder => (ConversationEvents.ReflectionSubmitted,
                new ReflectionSubmittedEvent(Submission(message, "notes"), actor, $"notes/{conversation}/1.json", Checksum(conversation))),
            MessageKind.RecordRequest or MessageKind.RecordReminder => (ConversationEvents.RecordUploaded,
                new RecordUploadedEvent(Submission(message, "record"), actor, $"records/{conversation}/1.pdf", Checksum(conversation), 180_000, 1)),
            MessageKind.HandoffRequest or MessageKind.HandoffReminder => (ConversationEvents.HandoffConfirmed,
                new HandoffConfirmedEvent(Submission(message, "handoff"), actor)),
            _ => null,
        };
    }

    // The meeting falls ten days after the reply, at 10:00 UTC on a weekday.
    DateTimeOffset MeetingTime(OutgoingMessage message)
    {
        var day = (ReplyTime(message) ?? clock.GetUtcNow()).UtcDateTime.Date.AddDays(10);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.AddHours(10), TimeSpan.Zero);
    }

    static string Submission(OutgoingMessage message, string step) =>
        string.Create(CultureInfo.InvariantCulture, $"rehearsal/{message.InstanceId}/{step}");

    static Person ReviewerFor(StaffMember staff) =>
        new($"Reviewer of {staff.Name}", $"reviewer.{staff.StaffNumber.ToLowerInvariant()}@example.ac.uk");

    // A stand-in for the SHA-256 of a file that a rehearsal never writes.
    static string Checksum(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));
}
