using CareerConv.Mail.Calendar;
using CareerConv.Mail.Rendering;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Tests.Support;

/// <summary>Builds the mail layer's parts by hand, the way the DI extension wires them.</summary>
static class Pipeline
{
    static readonly Lazy<MailTemplates> SharedTemplates = new(() => new MailTemplates());

    public static MailTemplates Templates => SharedTemplates.Value;

    public static MailOptions Options(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { FromAddress = "careers@example.ac.uk", FromName = "Career Conversations" };
        configure?.Invoke(options);
        return options;
    }

    public static MailRenderer Renderer(MailOptions? options = null) =>
        new(Templates, new TestLinks(), new MeetingInvites(Microsoft.Extensions.Options.Options.Create(options ?? Options())));
}
