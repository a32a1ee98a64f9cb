using System.Net.Mail;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Admin;

/// <summary>Checks a start request and turns it into the orchestration input.</summary>
public static class StartConversationValidator
{
    /// <summary>Returns every problem found, keyed by the field; empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(StartConversationRequest? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            errors["body"] = ["The request body is missing; send a JSON object with cycle, faculty, department and staff."];
            return errors;
        }

        Require(errors, "cycle", body.Cycle, ConversationIdentity.NormaliseCycle);
        Require(errors, "faculty", body.Faculty, null);
        Require(errors, "department", body.Department, null);
        if (body.Staff is null)
        {
            errors["staff"] = ["Missing; give staffNumber, name and email."];
        }
        else
        {
            Require(errors, "staff.staffNumber", body.Staff.StaffNumber, ConversationIdentity.NormaliseStaffNumber);
            Require(errors, "staff.name", body.Staff.Name, null);
            CheckEmail(errors, "staff.email", body.Staff.Email);
        }

        CheckPerson(errors, "reviewer", body.Reviewer);
        CheckPerson(errors, "lineManager", body.LineManager);
        if (body.Reviewer is not null && body.Staff is not null
            && string.Equals(body.Reviewer.Email?.Trim(), body.Staff.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors["reviewer.email"] = [$"'{body.Reviewer.Email}' is the staff member's own address; name another reviewer."];
        }

        return errors;
    }

    /// <summary>Builds the orchestration input from a request that <see cref="Validate"/> accepted.</summary>
    public static ConversationInput ToInput(StartConversationRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var staff = body.Staff!;
        var staffNumber = ConversationIdentity.NormaliseStaffNumber(staff.StaffNumber);
        return new ConversationInput(
            ConversationIdentity.InstanceId(body.Cycle!, staffNumber),
            ConversationIds.New(),
            ConversationIdentity.NormaliseCycle(body.Cycle!),
            body.Faculty!.Trim(),
            body.Department!.Trim(),
            new StaffMember(staffNumber, staff.Name.Trim(), staff.Email.Trim()),
            Trim(body.Reviewer),
            Trim(body.LineManager));
    }

    static Person? Trim(Person? person) => person is null ? null : new Person(person.Name.Trim(), person.Email.Trim());

    static void Require(Dictionary<string, string[]> errors, string key, string? value, Func<string, string>? normalise)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = ["Missing; this field is required."];
            return;
        }

        try
        {
            normalise?.Invoke(value);
        }
        catch (ArgumentException ex)
        {
            errors[key] = [ArgumentErrors.MessageOf(ex)];
        }
    }

    static void CheckPerson(Dictionary<string, string[]> errors, string key, Person? person)
    {
        if (person is null)
        {
            return;
        }

        Require(errors, key + ".name", person.Name, null);
        CheckEmail(errors, key + ".email", person.Email);
    }

    static void CheckEmail(Dictionary<string, string[]> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = ["Missing; give an email address such as name@example.ac.uk."];
        }
        else if (!IsEmail(value.Trim()))
        {
            errors[key] = [$"'{value}' is not a valid email address; use the form name@example.ac.uk."];
        }
    }

    /// <summary>Returns whether a value is one plain address, with no display name and no list.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
