using System.Globalization;
using System.Text;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>
/// The roster columns CareerConv reads, each with the header names HR systems export for it. Headers
/// match after case folding and removing spaces, underscores, hyphens and dots, so "Work E-mail",
/// "work_email" and "WorkEmail" are the same column.
/// </summary>
static class RosterColumns
{
    public const string StaffNumber = "Staff Number";
    public const string Email = "Work Email";
    public const string Forename = "Forename";
    public const string Surname = "Surname";
    public const string Name = "Name";
    public const string Faculty = "Faculty";
    public const string Department = "Department";
    public const string ReviewerEmail = "Reviewer Email";
    public const string ReviewerName = "Reviewer Name";
    public const string LineManagerEmail = "Line Manager Email";
    public const string LineManagerName = "Line Manager Name";
    public const string CoordinatorEmail = "Coordinator Email";
    public const string HeadOfDepartmentEmail = "Head of Department Email";

    static readonly Dictionary<string, string[]> Aliases = new()
    {
        [StaffNumber] = ["Staff Number", "Staff No", "Person Number", "Person Reference", "Employee ID", "Employee Number", "Staff ID"],
        [Email] = ["Work Email", "Email", "Email Address", "Work Email Address"],
        [Forename] = ["Forename", "First Name", "Given Name", "Known As"],
        [Surname] = ["Surname", "Last Name", "Family Name"],
        [Name] = ["Name", "Full Name", "Display Name"],
        [Faculty] = ["Faculty", "Faculty Code", "College"],
        [Department] = ["Department", "Department Code", "School", "Dept"],
        [ReviewerEmail] = ["Reviewer Email", "Reviewer", "Mentor Email"],
        [ReviewerName] = ["Reviewer Name", "Mentor Name"],
        [LineManagerEmail] = ["Line Manager Email", "Line Manager", "Manager Email"],
        [LineManagerName] = ["Line Manager Name", "Manager Name"],
        [CoordinatorEmail] = ["Coordinator Email", "Department Coordinator Email", "Coordinator"],
        [HeadOfDepartmentEmail] = ["Head of Department Email", "HoD Email", "Head of Department"],
    };

    static readonly Dictionary<string, string> ByKey = Aliases
        .SelectMany(column => column.Value.Select(alias => (Key: Key(alias), Column: column.Key)))
        .ToDictionary(pair => pair.Key, pair => pair.Column);

    /// <summary>Maps each known column to its index in the header, ignoring columns it does not know.</summary>
    public static Dictionary<string, int> Map(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (ByKey.TryGetValue(Key(header[i]), out var column) && !map.ContainsKey(column))
            {
                map[column] = i;
            }
        }

        return map;
    }

    static string Key(string header)
    {
        var key = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }
}
