using System.Text.RegularExpressions;

namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// Builds the orchestration instance id <c>{cycle}:{staffNumber}</c>. Both parts are normalised first,
/// so a roster that writes " s12345 " and one that writes "S12345" start the same conversation, and the
/// engine's refusal of a duplicate running id does the de-duplication.
/// </summary>
public static partial class ConversationIdentity
{
    public const int MaxPartLength = 64;

    /// <summary>Returns the instance id for a staff member in a cycle.</summary>
    public static string InstanceId(string cycle, string staffNumber) =>
        $"{NormaliseCycle(cycle)}:{NormaliseStaffNumber(staffNumber)}";

    /// <summary>Trims and upper-cases a staff number; staff numbers are strings, leading zeros included.</summary>
    public static string NormaliseStaffNumber(string staffNumber)
    {
        ArgumentNullException.ThrowIfNull(staffNumber);
        var value = staffNumber.Trim().ToUpperInvariant();
        if (!StaffNumberPattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"Invalid staff number '{staffNumber}'; use 1 to {MaxPartLength} letters, digits or hyphens.",
                nameof(staffNumber));
        }

        return value;
    }

    /// <summary>Trims and lower-cases a cycle name such as "2026-Autumn".</summary>
    public static string NormaliseCycle(string cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var value = cycle.Trim().ToLowerInvariant();
        if (!CyclePattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"Invalid cycle name '{cycle}'; use 1 to {MaxPartLength} lower-case letters, digits or hyphens, "
                + "starting with a letter or digit.",
                nameof(cycle));
        }

        return value;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,63}$")]
    private static partial Regex StaffNumberPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CyclePattern();
}
