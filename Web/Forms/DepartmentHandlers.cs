using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Admin;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>
/// The Head of Department's page: every staff member of the department still without a reviewer, to
/// assign them all at once, with a warning before any reviewer would hold more than the department's cap.
/// </summary>
public static class DepartmentHandlers
{
    const string Purpose = "assign-reviewers";
    const string ConfirmField = "confirmOverCap";

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var loaded = await LoadAsync(request, client, kit);
        return loaded.Value is { } department
            ? await PageAsync(kit, department, new Dictionary<string, string>(), [], [], request.Query["assigned"], StatusCodes.Status200OK)
            : loaded.Failure!;
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var loaded = await LoadAsync(request, client, kit);
        if (loaded.Value is not { } department)
        {
            return loaded.Failure!;
        }

        var form = await FormReading.ReadAsync(request);
        var protection = kit.Protection.Check(Purpose, department.Token, form);
        if (protection != FormCheck.Valid)
        {
            return await kit.Status.FormRejectedAsync(protection);
        }

        var values = form.ToDictionary(f => f.Key, f => (string?)f.Value ?? "", StringComparer.Ordinal);
        var (assignments, errors) = ReadAssignments(department, values);
        if (errors.Count > 0)
        {
            return await PageAsync(kit, department, values, errors, [], null, StatusCodes.Status400BadRequest);
        }

        var overCap = OverCap(department, assignments);
        if (overCap.Count > 0 && values.GetValueOrDefault(ConfirmField) != "yes")
        {
            return await PageAsync(kit, department, values, [], overCap, null, StatusCodes.Status200OK);
        }

        var submissionId = values[FormProtection.SubmissionField];
        foreach (var (waiting, reviewer) in assignments)
        {
            // One submission id per row, made from the form's, so a repeated post assigns no reviewer twice.
            var payload = new ReviewerAssignedEvent($"{submissionId}-{waiting.Input.ConversationId}",
                new Actor(ActorRole.HeadOfDepartment, department.Settings.HeadOfDepartment.Email), reviewer);
            await client.RaiseEventAsync(waiting.InstanceId, ConversationEvents.ReviewerAssigned, payload, request.HttpContext.RequestAborted);
        }

        return FormKit.SeeOther(PageLinks.Self(LinkPaths.Department, department.Token, $"assigned={assignments.Count}"));
    }

    static async Task<LinkCheck<DepartmentView>> LoadAsync(HttpRequest request, DurableTaskClient client, FormKit kit)
    {
        var check = await kit.Gate.CheckTokenAsync(request, LinkAction.AssignReviewers, ActorRole.HeadOfDepartment);
        if (check.Value is not { Scope.Department: { } scope } claims)
        {
            return new(null, check.Failure ?? await kit.Status.WrongPageAsync());
        }

        ConversationSettings settings;
        try
        {
            settings = request.HttpContext.RequestServices.GetRequiredService<IConversationSettingsSource>()
                .Load(new LoadSettingsRequest(scope.Faculty, scope.Department, scope.Cycle));
        }
        catch (KeyNotFoundException)
        {
            return new(null, await kit.Status.ClosedAsync(known: false));
        }

        var query = request.HttpContext.RequestServices.GetRequiredService<IConversationQuery>();
        var all = new List<ConversationSummary>();
        await foreach (var summary in query.ListAsync(client, scope.Cycle, request.HttpContext.RequestAborted))
        {
            if (string.Equals(summary.Input.Faculty, scope.Faculty, StringComparison.OrdinalIgnoreCase)
                && string.Equals(summary.Input.Department, scope.Department, StringComparison.OrdinalIgnoreCase))
            {
                all.Add(summary);
            }
        }

        return new(new DepartmentView(claims, (string)request.Query[LinkPaths.TokenParameter]!, settings, all), null);
    }

    static (List<(ConversationSummary Waiting, Person Reviewer)> Assignments, List<FieldError> Errors) ReadAssignments(
        DepartmentView department, Dictionary<string, string> values)
    {
        var assignments = new List<(ConversationSummary, Person)>();
        var errors = new List<FieldError>();
        foreach (var waiting in department.Waiting)
        {
            var id = waiting.Input.ConversationId;
            var name = values.GetValueOrDefault("name-" + id, "").Trim();
            var email = values.GetValueOrDefault("email-" + id, "").Trim();
            if (name.Length == 0 && email.Length == 0)
            {
                continue;
            }

            var staffName = waiting.Input.Staff.Name;
            if (name.Length == 0 || name.Length > 200)
            {
                errors.Add(new FieldError("name-" + id, $"Enter the reviewer's name for {staffName}, in 200 characters or fewer."));
            }

            if (!StartConversationValidator.IsEmail(email))
            {
                errors.Add(new FieldError("email-" + id, $"Enter the reviewer's email address for {staffName}, like name@example.ac.uk."));
            }
            else if (string.Equals(email, waiting.Input.Staff.Email, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError("email-" + id, $"{staffName} cannot review their own conversation; name someone else."));
            }

            assignments.Add((waiting, new Person(name, email)));
        }

        if (assignments.Count == 0 && errors.Count == 0)
        {
            var first = department.Waiting.FirstOrDefault()?.Input.ConversationId;
            errors.Add(new FieldError("name-" + first, "Enter a reviewer for at least one member of staff."));
        }

        return (assignments, errors);
    }

    /// <summary>Returns a warning for each reviewer who would hold more conversations than the cap.</summary>
    static List<string> OverCap(DepartmentView department, List<(ConversationSummary Waiting, Person Reviewer)> assignments)
    {
        var loads = department.Loads();
        foreach (var (_, reviewer) in assignments)
        {
            loads[reviewer.Email] = loads.GetValueOrDefault(reviewer.Email) + 1;
        }

        var cap = department.Settings.ReviewerCap;
        return [.. assignments.Select(a => a.Reviewer).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Where(r => loads[r.Email] > cap)
            .Select(r => $"{r.Name} ({r.Email}) would hold {loads[r.Email]} conversations; the department's limit is {cap}.")];
    }

    static Task<IResult> PageAsync(
        FormKit kit, DepartmentView department, IReadOnlyDictionary<string, string> values, IReadOnlyList<FieldError> errors,
        IReadOnlyList<string> warnings, string? assigned, int statusCode)
    {
        var (submissionId, protection) = kit.Protection.Issue(Purpose, department.Token);
        var rows = department.Waiting.Select(w => new Dictionary<string, object?>
        {
            ["id"] = w.Input.ConversationId,
            ["staffName"] = w.Input.Staff.Name,
            ["name"] = values.GetValueOrDefault("name-" + w.Input.ConversationId),
            ["email"] = values.GetValueOrDefault("email-" + w.Input.ConversationId),
        }).ToList();
        var loads = department.Loads().Select(l => new Dictionary<string, object?> { ["email"] = l.Key, ["count"] = l.Value }).ToList();
        return kit.Renderer.RenderAsync("department", "Name reviewers for your department", new Dictionary<string, object?>
        {
            ["department"] = department.Claims.Scope.Department!.Department,
            ["rows"] = rows,
            ["loads"] = loads,
            ["cap"] = department.Settings.ReviewerCap,
            ["warnings"] = warnings.ToList(),
            ["assigned"] = assigned,
            ["action"] = PageLinks.Self(LinkPaths.Department, department.Token),
            ["submissionId"] = submissionId,
            ["protection"] = protection,
        }, statusCode, errors);
    }

    sealed record DepartmentView(LinkClaims Claims, string Token, ConversationSettings Settings, List<ConversationSummary> All)
    {
        /// <summary>
        /// Conversations waiting for a reviewer. A conversation whose Head of Department link version
        /// moved past this link's is left out, because this link no longer speaks for it.
        /// </summary>
        public IEnumerable<ConversationSummary> Waiting => All.Where(s =>
            s.Status.Stage == ConversationStage.ReviewerAssignment
            && s.Status.TokenVersions.GetValueOrDefault(ActorRole.HeadOfDepartment, 1) <= Claims.Version);

        /// <summary>Returns the number of conversations each reviewer already has in this department and cycle, not counting withdrawn ones.</summary>
        public Dictionary<string, int> Loads() => All
            .Where(s => s.Status.Stage != ConversationStage.Withdrawn && (s.Status.Reviewer ?? s.Input.Reviewer) is not null)
            .GroupBy(s => (s.Status.Reviewer ?? s.Input.Reviewer)!.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
    }
}
