using System.Text;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Tests;

public sealed class ReviewerDigestTests
{
    const string Roster = "Staff Number,Name,Work Email,Department,Reviewer Email,Reviewer Name\r\n"
        + "S0001,Zoë O'Brien-Núñez,z.obrien@example.ac.uk,PHYS,,\r\n"
        + "S0002,Siân Llewelyn,s.llewelyn@example.ac.uk,PHYS,,\r\n"
        + "S0003,Łukasz Wróbel,l.wrobel@example.ac.uk,CHEM,,\r\n"
        + "S0004,Mary Somerville,m.somerville@example.ac.uk,COMP,a.turing@example.ac.uk,Dr Alan Turing\r\n";

    [Fact]
    public async Task Import_StaffWithoutReviewers_OneDigestPerDepartmentUntilAssigned()
    {
        await using var web = await WebApp.StartAsync();
        await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, "/api/admin/cycles/import?cycle=2026-autumn&faculty=SCI",
            new ByteArrayContent(Encoding.UTF8.GetBytes(Roster))));
        await web.WaitForIdleAsync();
        var requests = Sent(web, MessageKind.ReviewerRequest);

        await web.Durable.RaiseEventAsync("2026-autumn:S0001", ConversationEvents.ReviewerAssigned,
            new ReviewerAssignedEvent("a1", new Actor(ActorRole.HeadOfDepartment, "a.okafor@example.ac.uk"),
                new Person("Dr Ada Lovelace", "a.lovelace@example.ac.uk")));
        // Five working days after Monday 28 September: Monday 5 October, 17:00 BST; one reminder the Friday before.
        await web.Clock.AdvanceToAsync(new DateTimeOffset(2026, 10, 5, 16, 0, 0, TimeSpan.Zero));
        var reminders = Sent(web, MessageKind.ReviewerRequestReminder);
        var escalations = Sent(web, MessageKind.Escalation);

        Assert.Equal(["CHEM: Łukasz Wróbel", "PHYS: Siân Llewelyn, Zoë O'Brien-Núñez"], requests);
        Assert.Equal(["CHEM: Łukasz Wróbel", "PHYS: Siân Llewelyn"], reminders);
        Assert.Equal(["CHEM: Łukasz Wróbel", "PHYS: Siân Llewelyn"], escalations);
        Assert.All(web.Outbox.Sent.Where(m => m.Message.Kind == MessageKind.ReviewerRequestReminder),
            m => Assert.Equal(new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero), m.SentAt));
        Assert.Equal(2, web.Outbox.Sent.Count(m => m.Message.Kind == MessageKind.ReviewerRequest));
        Assert.Contains(web.Outbox.Sent, m => m.Message.Kind == MessageKind.Escalation
            && m.Message.Department == "CHEM" && m.Message.To.Any(r => r.Person.Email == "p.nair@example.ac.uk"));
    }

    static List<string> Sent(WebApp web, MessageKind kind) =>
    [
        .. web.Outbox.Sent
            .Where(m => m.Message.Kind == kind)
            .Select(m => $"{m.Message.Department}: {string.Join(", ", m.Message.DigestStaff!.Select(s => s.Name))}")
            .Order(StringComparer.Ordinal),
    ];
}
