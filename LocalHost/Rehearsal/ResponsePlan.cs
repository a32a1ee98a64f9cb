using System.Globalization;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>
/// After how long each party acts on a request, or that they never do: per role, and optionally per
/// staff number. A party the plan does not name follows the <see cref="Profile"/>.
/// </summary>
public sealed record ResponsePlan(
    ResponseProfile Profile,
    IReadOnlyDictionary<ActorRole, TimeSpan?> ByRole,
    IReadOnlyDictionary<string, IReadOnlyDictionary<ActorRole, TimeSpan?>> ByStaff)
{
    public static ResponsePlan For(ResponseProfile profile) =>
        new(profile, new Dictionary<ActorRole, TimeSpan?>(), new Dictionary<string, IReadOnlyDictionary<ActorRole, TimeSpan?>>());

    /// <summary>Returns whether the plan names the role for this staff member, and the delay (null: never acts).</summary>
    public bool TryGetDelay(string staffNumber, ActorRole role, out TimeSpan? delay)
    {
        if (ByStaff.TryGetValue(staffNumber, out var roles) && roles.TryGetValue(role, out delay))
        {
            return true;
        }

        return ByRole.TryGetValue(role, out delay);
    }

    /// <summary>
    /// Reads a responses file: <c>{"roles": {"Reviewer": "2.00:00:00", "Staff": "never"},
    /// "staff": {"S0001": {"Staff": "1.00:00:00"}}}</c>. Delays are TimeSpan values (days.hours:minutes:seconds).
    /// </summary>
    public static ResponsePlan Read(string path, ResponseProfile profile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var byRole = root.TryGetProperty("roles", out var roles) ? Roles(roles, path, "roles") : new Dictionary<ActorRole, TimeSpan?>();
        var byStaff = new Dictionary<string, IReadOnlyDictionary<ActorRole, TimeSpan?>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("staff", out var staff))
        {
            foreach (var member in staff.EnumerateObject())
            {
                byStaff[ConversationIdentity.NormaliseStaffNumber(member.Name)] = Roles(member.Value, path, $"staff.{member.Name}");
            }
        }

        return new ResponsePlan(profile, byRole, byStaff);
    }

    static Dictionary<ActorRole, TimeSpan?> Roles(JsonElement element, string path, string where)
    {
        var roles = new Dictionary<ActorRole, TimeSpan?>();
        foreach (var property in element.EnumerateObject())
        {
            if (!Enum.TryParse<ActorRole>(property.Name, ignoreCase: false, out var role)
                || role is ActorRole.Admin or ActorRole.System)
            {
                throw new ArgumentException(
                    $"{path}: {where} names role '{property.Name}'; use Staff, Reviewer, Coordinator or HeadOfDepartment.");
            }

            var text = property.Value.GetString() ?? string.Empty;
            if (text == "never")
            {
                roles[role] = null;
            }
            else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero)
            {
                roles[role] = delay;
            }
            else
            {
                throw new ArgumentException($"{path}: {where}.{property.Name} is '{text}'; use a delay such as 2.00:00:00 or the word never.");
            }
        }

        return roles;
    }
}
