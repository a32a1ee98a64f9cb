using CareerConv.Mail.Rendering;
using CareerConv.Mail.Tests.Support;

namespace CareerConv.Mail.Tests.Rendering;

public sealed class MailTimeTests
{
    [Theory]
    [InlineData("2026-03-06T17:00:00Z", "Europe/London", "Friday 6 March 2026, 17:00 GMT")]
    [InlineData("2026-10-16T16:00:00Z", "Europe/London", "Friday 16 October 2026, 17:00 BST")]
    [InlineData("2026-06-12T10:00:00Z", "Asia/Kuala_Lumpur", "Friday 12 June 2026, 18:00 UTC+08:00")]
    [InlineData("2026-03-06T17:00:00Z", "Europe/Berlin", "Friday 6 March 2026, 18:00 CET")]
    [InlineData("2026-03-06T17:00:00Z", "Etc/UTC", "Friday 6 March 2026, 17:00 UTC")]
    [InlineData("2026-03-06T17:00:00Z", "Asia/Kolkata", "Friday 6 March 2026, 22:30 IST")]
    [InlineData("2026-03-06T17:00:00Z", "America/Sao_Paulo", "Friday 6 March 2026, 14:00 UTC-03:00")]
    public void Format_Zone_WritesLocalTimeForPeople(string utc, string zone, string expected) =>
        Assert.Equal(expected, MailTime.Format(Samples.At(utc), zone));

    [Fact]
    public void Format_UnknownZone_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => MailTime.Format(Samples.Deadline, "Europe/Atlantis"));

        Assert.Contains("Europe/Atlantis", error.Message, StringComparison.Ordinal);
    }
}
