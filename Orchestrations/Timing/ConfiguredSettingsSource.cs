using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Workflow;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Builds a conversation's settings from the timing configuration. The start date of an off-cycle
/// conversation is today's date in the faculty's time zone, read from <paramref name="time"/>.
/// </summary>
public sealed class ConfiguredSettingsSource(TimingResolver resolver, TimeProvider time) : IConversationSettingsSource
{
    public ConversationSettings Load(LoadSettingsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = resolver.LocalDate(request.Faculty, time.GetUtcNow());
        var timing = resolver.Resolve(request.Faculty, request.Department, request.Cycle, today);
        var department = resolver.ResolveDepartment(request.Faculty, request.Department);
        return new ConversationSettings(
            timing, department.HeadOfDepartment, department.Coordinator, department.ReviewerCap, department.ReviewType);
    }
}
