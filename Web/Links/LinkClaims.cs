using System.Globalization;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Links;

/// <summary>What a link lets its holder do. Each page accepts one action.</summary>
public enum LinkAction
{
    /// <summary>Staff: write, save and send the reflection notes.</summary>
    Reflection,

    /// <summary>Staff: see the completed record.</summary>
    RecordView,

    /// <summary>Reviewer: propose or move the meeting.</summary>
    Meeting,

    /// <summary>Reviewer: read the notes the staff member sent.</summary>
    Notes,

    /// <summary>Reviewer: download the prefilled form and upload the signed record.</summary>
    Record,

    /// <summary>Coordinator: confirm the record is in iTrent.</summary>
    Handoff,

    /// <summary>Head of Department: name reviewers for the department.</summary>
    AssignReviewers,

    /// <summary>Reviewer: download the prefilled record form; short-lived.</summary>
    DownloadRecordForm,

    /// <summary>Staff or coordinator: download the signed record; short-lived.</summary>
    DownloadRecord,
}

/// <summary>
/// The scope a link is bound to: one conversation (by its opaque id), or for the Head of Department one
/// department in one cycle.
/// </summary>
public sealed record LinkScope
{
    const string DepartmentPrefix = "d:";

    LinkScope(string value, string? conversationId, DepartmentScope? department)
    {
        Value = value;
        ConversationId = conversationId;
        Department = department;
    }

    /// <summary>The scope as the token carries it.</summary>
    public string Value { get; }

    public string? ConversationId { get; }

    public DepartmentScope? Department { get; }

    public static LinkScope ForConversation(string conversationId)
    {
        if (!ConversationIds.IsWellFormed(conversationId))
        {
            throw new ArgumentException($"Invalid conversation id '{conversationId}'.", nameof(conversationId));
        }

        return new LinkScope(conversationId, conversationId, null);
    }

    public static LinkScope ForDepartment(DepartmentScope department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return new LinkScope(
            string.Create(CultureInfo.InvariantCulture, $"{DepartmentPrefix}{department.Cycle}:{department.Faculty}:{department.Department}"),
            null,
            department);
    }

    /// <summary>Reads a scope from a verified token; returns null when it has neither form.</summary>
    public static LinkScope? Parse(string value)
    {
        if (ConversationIds.IsWellFormed(value))
        {
            return ForConversation(value);
        }

        if (!value.StartsWith(DepartmentPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value[DepartmentPrefix.Length..].Split(':');
        return parts.Length == 3 && parts.All(p => p.Length > 0)
            ? ForDepartment(new DepartmentScope(parts[0], parts[1], parts[2]))
            : null;
    }
}

/// <summary>One department in one cycle: the Head of Department's scope.</summary>
public sealed record DepartmentScope(string Cycle, string Faculty, string Department);

/// <summary>
/// The signed content of a link: scope, role, action, the role's link version when the link was made,
/// and the instant it expires.
/// </summary>
public sealed record LinkClaims(LinkScope Scope, ActorRole Role, LinkAction Action, int Version, DateTimeOffset ExpiresAt);
