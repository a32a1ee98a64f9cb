using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;

namespace CareerConv.Web.Cycles;

/// <summary>A deadline that has passed without the step it waits for.</summary>
public sealed record OverdueItem(string StaffNumber, string Name, string Department, DeadlineKind Deadline, DateTimeOffset Due);

/// <summary>How many conversations a reviewer holds, against the department's cap.</summary>
public sealed record ReviewerLoad(string Email, string Name, string Department, int Conversations, int Cap)
{
    public bool OverCap => Conversations > Cap;
}

/// <summary>The state of a cycle for one faculty, optionally one department: status only, never note text.</summary>
public sealed record CycleProgressReport(
    string Cycle,
    string? Faculty,
    string? Department,
    int Conversations,
    IReadOnlyDictionary<string, int> ByStage,
    IReadOnlyList<OverdueItem> Overdue,
    IReadOnlyList<ReviewerLoad> Reviewers,
    DateTimeOffset At);

/// <summary>Computes a <see cref="CycleProgressReport"/> from conversation summaries.</summary>
public static class CycleProgress
{
    public static CycleProgressReport Build(
        string cycle, string? faculty, string? department, IReadOnlyList<ConversationSummary> conversations,
        IConversationSettingsSource settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(settings);
        var selected = conversations
            .Where(c => faculty is null || string.Equals(c.Input.Faculty, faculty, StringComparison.OrdinalIgnoreCase))
            .Where(c => department is null || string.Equals(c.Input.Department, department, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var byStage = selected
            .GroupBy(c => c.Status?.Stage.ToString() ?? c.RuntimeStatus.ToString())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var overdue = selected
            .Where(c => c.Status is { NextDeadline: { } due, Paused: false } && due < now)
            .Select(c => new OverdueItem(c.Input.Staff.StaffNumber, c.Input.Staff.Name, c.Input.Department,
                c.Status!.NextDeadlineKind!.Value, c.Status.NextDeadline!.Value))
            .OrderBy(o => o.Due)
            .ToList();
        return new CycleProgressReport(cycle, faculty, department, selected.Count, byStage, overdue,
            Reviewers(cycle, selected, settings), now);
    }

    static List<ReviewerLoad> Reviewers(string cycle, List<ConversationSummary> conversations, IConversationSettingsSource settings)
    {
        var caps = new Dictionary<(string, string), int>();
        int Cap(ConversationInput input)
        {
            var key = (input.Faculty, input.Department);
            if (!caps.TryGetValue(key, out var cap))
            {
                cap = settings.Load(new LoadSettingsRequest(input.Faculty, input.Department, cycle)).ReviewerCap;
                caps[key] = cap;
            }

            return cap;
        }

        return conversations
            .Where(c => c.Status?.Stage is not (ConversationStage.Completed or ConversationStage.Withdrawn))
            .Select(c => (c.Input, Reviewer: c.Status?.Reviewer ?? c.Input.Reviewer))
            .Where(c => c.Reviewer is not null)
            .GroupBy(c => (Email: c.Reviewer!.Email.ToUpperInvariant(), c.Input.Department))
            .Select(g => new ReviewerLoad(g.First().Reviewer!.Email, g.First().Reviewer!.Name, g.Key.Department, g.Count(), Cap(g.First().Input)))
            .OrderByDescending(r => r.Conversations)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
