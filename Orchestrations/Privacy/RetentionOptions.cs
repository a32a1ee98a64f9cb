using System.ComponentModel.DataAnnotations;

namespace CareerConv.Orchestrations.Privacy;

/// <summary>How long finished conversations are kept, bound from <c>CareerConv:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "CareerConv:Retention";

    /// <summary>
    /// Time after a conversation finished (completed, withdrawn or ended by an administrator) before its
    /// notes, records, timeline and history are deleted. iTrent keeps the long-term record of the meeting.
    /// Default: 730 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(730);
}
