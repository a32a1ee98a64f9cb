using CareerConv.Mail.Tests.Support;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Mail.Tests.Rendering;

public sealed class DigestRenderingTests
{
    static readonly StaffMember Second = new("S0002", "Siân Llewelyn", "s.llewelyn@example.ac.uk");
    static readonly StaffMember Third = new("S0003", "Łukasz Wróbel", "l.wrobel@example.ac.uk");

    [Theory]
    [InlineData(MessageKind.ReviewerRequest, "Please name reviewers for 3 staff in PHYS")]
    [InlineData(MessageKind.ReviewerRequestReminder, "Reminder: name reviewers for 3 staff in PHYS")]
    [InlineData(MessageKind.Escalation, "Overdue: naming a reviewer for 3 staff in PHYS")]
    public void Render_DepartmentDigest_ListsEveryStaffMemberOnce(MessageKind kind, string subject)
    {
        var message = Samples.Message(kind, ActorRole.HeadOfDepartment, new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.Zero), DeadlineKind.ReviewerAssignment, withLink: kind != MessageKind.Escalation)
            with { Department = "PHYS", DigestStaff = [Samples.Staff, Second, Third] };

        var mail = Pipeline.Renderer().Render(message).Single();

        Assert.StartsWith(subject, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Zoë O'Brien-Núñez, Siân Llewelyn and Łukasz Wróbel", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Brien-Núñez, Siân Llewelyn and Łukasz Wróbel", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("O'Brien", mail.Html, StringComparison.Ordinal);
    }
}
