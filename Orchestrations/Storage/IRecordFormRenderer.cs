using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Storage;

/// <summary>What the prefilled record form shows.</summary>
/// <param name="MeetingAt">The meeting (UTC), shown in the faculty's time zone; null before one is set.</param>
public sealed record RecordFormData(
    StaffMember Staff, Person Reviewer, DateTimeOffset? MeetingAt, string TimeZoneId, string Faculty, string Department);

/// <summary>Makes the record form a reviewer downloads before the meeting, as a PDF.</summary>
public interface IRecordFormRenderer
{
    Task<byte[]> RenderAsync(RecordFormData data, CancellationToken cancellationToken = default);
}
