using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>Validates roster rows one by one and remembers staff numbers to find repeats.</summary>
sealed class RosterRowValidator(Dictionary<string, int> columns, RosterScope scope)
{
    readonly Dictionary<string, int> firstRowByStaffNumber = new(StringComparer.OrdinalIgnoreCase);
    readonly List<RosterProblem> problems = [];
    readonly List<RosterEntry> entries = [];

    public IReadOnlyList<RosterEntry> Entries => entries;

    public IReadOnlyList<RosterProblem> Problems => problems;

    public void Add(int row, string[] record)
    {
        var before = problems.Count;
        string Field(string column) => columns.TryGetValue(column, out var index) && index < record.Length ? record[index].Trim() : string.Empty;

        foreach (var (column, index) in columns)
        {
            if (index < record.Length && record[index].Length > RosterReader.MaxFieldLength)
            {
                problems.Add(new RosterProblem(row, column, record[index][..40] + "…",
                    $"Longer than {RosterReader.MaxFieldLength} characters; check the export."));
            }
        }

        // A row with an over-long field is not read further, so no other problem repeats the whole value.
        if (problems.Count > before)
        {
            return;
        }

        var staffNumber = StaffNumber(row, Field(RosterColumns.StaffNumber));
        var email = Email(row, RosterColumns.Email, Field(RosterColumns.Email), required: true);
        var name = Name(row, Field);
        var (faculty, department) = Placement(row, Field(RosterColumns.Faculty), Field(RosterColumns.Department));
        var reviewer = OptionalPerson(row, RosterColumns.ReviewerEmail, Field(RosterColumns.ReviewerEmail), Field(RosterColumns.ReviewerName));
        var lineManager = OptionalPerson(row, RosterColumns.LineManagerEmail, Field(RosterColumns.LineManagerEmail), Field(RosterColumns.LineManagerName));
        var coordinator = Email(row, RosterColumns.CoordinatorEmail, Field(RosterColumns.CoordinatorEmail), required: false);
        var head = Email(row, RosterColumns.HeadOfDepartmentEmail, Field(RosterColumns.HeadOfDepartmentEmail), required: false);
        if (reviewer is not null && email is not null && string.Equals(reviewer.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new RosterProblem(row, RosterColumns.ReviewerEmail, reviewer.Email,
                "The reviewer is the staff member; name another reviewer or leave it empty for the Head of Department to choose."));
        }

        if (staffNumber is not null && !firstRowByStaffNumber.TryAdd(staffNumber, row))
        {
            problems.Add(new RosterProblem(row, RosterColumns.StaffNumber, staffNumber,
                $"Repeats the staff number of row {firstRowByStaffNumber[staffNumber]}; keep one row per staff member."));
        }

        if (problems.Count == before)
        {
            entries.Add(new RosterEntry(row, new StaffMember(staffNumber!, name!, email!), faculty!, department!,
                reviewer, lineManager, coordinator, head));
        }
    }

    string? StaffNumber(int row, string value)
    {
        if (value.Length == 0)
        {
            problems.Add(new RosterProblem(row, RosterColumns.StaffNumber, value, "Missing; every row needs the staff number."));
            return null;
        }

        try
        {
            return ConversationIdentity.NormaliseStaffNumber(value);
        }
        catch (ArgumentException ex)
        {
            problems.Add(new RosterProblem(row, RosterColumns.StaffNumber, value, ArgumentErrors.MessageOf(ex)));
            return null;
        }
    }

    string? Email(int row, string column, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                problems.Add(new RosterProblem(row, column, value, "Missing; give the work email address."));
            }

            return null;
        }

        if (!EmailAddress.IsValid(value))
        {
            problems.Add(new RosterProblem(row, column, value, "Not a valid email address; use the form name@example.ac.uk."));
            return null;
        }

        return value;
    }

    string? Name(int row, Func<string, string> field)
    {
        var name = field(RosterColumns.Name);
        if (name.Length == 0)
        {
            name = $"{field(RosterColumns.Forename)} {field(RosterColumns.Surname)}".Trim();
        }

        if (name.Length == 0)
        {
            problems.Add(new RosterProblem(row, RosterColumns.Name, name, "Missing; give the staff member's name."));
            return null;
        }

        return name;
    }

    (string? Faculty, string? Department) Placement(int row, string facultyValue, string departmentValue)
    {
        var faculty = facultyValue.Length == 0 ? scope.Faculty : facultyValue;
        if (!string.Equals(faculty, scope.Faculty, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new RosterProblem(row, RosterColumns.Faculty, facultyValue,
                $"This import is for faculty '{scope.Faculty}'; import this row with its own faculty."));
            return (null, null);
        }

        if (!scope.Departments.TryGetValue(scope.Faculty, out var departments))
        {
            problems.Add(new RosterProblem(row, RosterColumns.Faculty, scope.Faculty,
                $"Unknown faculty; use one of: {string.Join(", ", scope.Departments.Keys.Order(StringComparer.Ordinal))}."));
            return (null, null);
        }

        var department = departments.FirstOrDefault(d => string.Equals(d, departmentValue, StringComparison.OrdinalIgnoreCase));
        if (department is null)
        {
            problems.Add(new RosterProblem(row, RosterColumns.Department, departmentValue,
                $"Unknown department of faculty '{scope.Faculty}'; use one of: {string.Join(", ", departments.Order(StringComparer.Ordinal))}."));
            return (null, null);
        }

        return (scope.Departments.Keys.First(k => string.Equals(k, scope.Faculty, StringComparison.OrdinalIgnoreCase)), department);
    }

    Person? OptionalPerson(int row, string column, string email, string name)
    {
        var address = Email(row, column, email, required: false);
        return address is null ? null : new Person(name.Length == 0 ? address : name, address);
    }
}
