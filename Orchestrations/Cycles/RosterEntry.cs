using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>One staff member from a roster, after validation.</summary>
/// <param name="Row">The row number in the file, counting the header as row 1.</param>
public sealed record RosterEntry(
    int Row,
    StaffMember Staff,
    string Faculty,
    string Department,
    Person? Reviewer,
    Person? LineManager,
    string? CoordinatorEmail,
    string? HeadOfDepartmentEmail);

/// <summary>A problem with one roster row: the row number, the column, the value and what to do.</summary>
public sealed record RosterProblem(int Row, string Column, string Value, string Message)
{
    public override string ToString() => $"Row {Row}, {Column} '{Value}': {Message}";
}

/// <summary>What reading a roster found: the valid entries, every problem, and how the file was read.</summary>
public sealed record RosterReport(
    IReadOnlyList<RosterEntry> Entries,
    IReadOnlyList<RosterProblem> Problems,
    string Encoding,
    char Delimiter,
    int RowsRead)
{
    /// <summary>Rows with at least one problem; these are never started.</summary>
    public IReadOnlySet<int> RejectedRows { get; } = Problems.Select(p => p.Row).ToHashSet();
}

/// <summary>The roster file itself cannot be read: wrong encoding, no header, or no known columns.</summary>
public sealed class RosterFormatException(string message) : Exception(message);
