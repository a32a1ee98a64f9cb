using System.Diagnostics;
using System.Security.Cryptography;
using CareerConv.Benchmarks.Reporting;
using CareerConv.Mail;
using CareerConv.Mail.Calendar;
using CareerConv.Mail.Rendering;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Web.Links;
using Microsoft.Extensions.Options;

namespace CareerConv.Benchmarks.Side;

/// <summary>
/// Renders a mix of four message kinds with <see cref="MailRenderer"/>, with signed links and a calendar
/// invite as the hosts wire them, and reports the median time per message over several rounds.
/// </summary>
static class RenderingBenchmark
{
    const int Rounds = 5;

    public static async Task RunAsync(bool quick, TextWriter output)
    {
        var perRound = quick ? 200 : 5_000;
        await output.WriteLineAsync($"== Mail rendering: {Rounds} rounds of {Units.Number(perRound, 0)} messages ==");
        var renderer = CreateRenderer();
        var messages = Messages();
        var emails = 0;
        for (var i = 0; i < perRound / 5; i++)
        {
            emails += renderer.Render(messages[i % messages.Count]).Count;
        }

        var perMessage = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            emails = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                emails += renderer.Render(messages[i % messages.Count]).Count;
            }

            perMessage.Add(watch.Elapsed.TotalMicroseconds / perRound);
        }

        var median = perMessage.Order().ElementAt(Rounds / 2);
        await output.WriteLineAsync(
            $"median {Units.Number(median)} µs per message ({Units.Number(median * perRound / emails)} µs per email; "
            + $"{Units.Number((double)emails / perRound, 2)} emails per message; rounds {string.Join(", ", perMessage.Select(t => Units.Number(t)))} µs)");
        await output.WriteLineAsync();
    }

    static MailRenderer CreateRenderer()
    {
        var links = Options.Create(new LinkOptions
        {
            Keys = [new LinkKeyOptions { Id = "bench", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }],
            BaseUrl = "https://careers.example.ac.uk",
        });
        var mail = Options.Create(new MailOptions { FromAddress = "careers@example.ac.uk", FromName = "Career Conversations" });
        return new MailRenderer(new MailTemplates(), new SignedActionLinkBuilder(new LinkSigner(links), links, TimeProvider.System), new MeetingInvites(mail));
    }

    static List<OutgoingMessage> Messages()
    {
        var staff = new StaffMember("B000001", "Zoë O'Brien-Núñez", "b000001@example.ac.uk");
        var reviewer = new Person("Dr Siân Llewelyn", "s.llewelyn@example.ac.uk");
        var toStaff = new Recipient(ActorRole.Staff, new Person(staff.Name, staff.Email));
        var toReviewer = new Recipient(ActorRole.Reviewer, reviewer);
        var deadline = new DateTimeOffset(2026, 11, 6, 17, 0, 0, TimeSpan.Zero);
        var meeting = new MeetingDetails(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero), "Physics building, room 2.14", 1);
        var conversationId = ConversationIds.New();
        OutgoingMessage Message(MessageKind kind, Recipient[] to, ActorRole? linkRole, DeadlineKind? deadlineKind, MeetingDetails? at) =>
            new(new MessageId("2026-autumn:B000001", kind, 1, 1).ToString(), kind, "2026-autumn:B000001", conversationId,
                to, [], staff, reviewer, "SCI", "PHYS", "Europe/London", deadlineKind is null ? null : deadline, deadlineKind, at,
                linkRole, 1, deadline.AddDays(-10));
        return
        [
            Message(MessageKind.ReflectionReminder, [toStaff], ActorRole.Staff, DeadlineKind.Reflection, meeting),
            Message(MessageKind.MeetingConfirmed, [toReviewer, toStaff], null, null, meeting),
            Message(MessageKind.RecordRequest, [toReviewer], ActorRole.Reviewer, DeadlineKind.RecordUpload, meeting),
            Message(MessageKind.Completion, [toStaff], null, null, null),
        ];
    }
}
