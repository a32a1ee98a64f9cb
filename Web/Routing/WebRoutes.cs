using CareerConv.Web.Admin;
using CareerConv.Web.Cycles;
using CareerConv.Web.Forms;
using CareerConv.Web.Links;
using CareerConv.Web.Privacy;

namespace CareerConv.Web.Routing;

/// <summary>
/// The one table of HTTP routes. The Functions app has one <c>[Function]</c> per entry and the local
/// host maps every entry; a test checks the Functions app's generated metadata against this table.
/// </summary>
public static class WebRoutes
{
    public static IReadOnlyList<WebRoute> All { get; } =
    [
        new(RouteNames.StartConversation, "POST", "api/admin/conversations", RouteAccess.Admin,
            ConversationAdminHandlers.StartAsync),
        new(RouteNames.GetConversationStatus, "GET", "api/admin/conversations/status", RouteAccess.Admin,
            ConversationAdminHandlers.GetStatusAsync),
        new(RouteNames.ChangeConversation, "POST", "api/admin/conversations/changes", RouteAccess.Admin,
            ConversationChangeHandlers.ChangeAsync),
        new(RouteNames.GetConversationTimeline, "GET", "api/admin/conversations/timeline", RouteAccess.Admin,
            ConversationChangeHandlers.TimelineAsync),
        new(RouteNames.ImportRoster, "POST", "api/admin/cycles/import", RouteAccess.Admin,
            CycleAdminHandlers.ImportAsync),
        new(RouteNames.GetImportStatus, "GET", "api/admin/cycles/import/status", RouteAccess.Admin,
            CycleAdminHandlers.ImportStatusAsync),
        new(RouteNames.GetCycleProgress, "GET", "api/admin/cycles/progress", RouteAccess.Admin,
            CycleAdminHandlers.ProgressAsync),
        new(RouteNames.ShowCycleProgress, "GET", "admin/progress", RouteAccess.Admin,
            CycleAdminHandlers.ProgressPageAsync),
        new(RouteNames.ExportITrent, "GET", "api/admin/cycles/itrent", RouteAccess.Admin, ITrentHandlers.ExportAsync),
        new(RouteNames.GetUnrecordedMeetings, "GET", "api/admin/cycles/unrecorded", RouteAccess.Admin, ITrentHandlers.UnrecordedAsync),
        new(RouteNames.DownloadConversationRecord, "GET", "api/admin/conversations/record", RouteAccess.Admin, ITrentHandlers.RecordAsync),
        new(RouteNames.ExportStaffData, "GET", "api/admin/staff/export", RouteAccess.Admin, SubjectAccessHandlers.ExportAsync),
        new(RouteNames.Stylesheet, "GET", LinkPaths.Stylesheet, RouteAccess.Link, StylesheetHandler.GetAsync),
        new(RouteNames.ShowReflection, "GET", LinkPaths.Reflection, RouteAccess.Link, ReflectionHandlers.GetAsync),
        new(RouteNames.SendReflection, "POST", LinkPaths.Reflection, RouteAccess.Link, ReflectionHandlers.PostAsync),
        new(RouteNames.ShowMyRecord, "GET", LinkPaths.MyRecord, RouteAccess.Link, MyRecordHandlers.GetAsync),
        new(RouteNames.ShowMeeting, "GET", LinkPaths.Meeting, RouteAccess.Link, MeetingHandlers.GetAsync),
        new(RouteNames.ScheduleMeeting, "POST", LinkPaths.Meeting, RouteAccess.Link, MeetingHandlers.PostAsync),
        new(RouteNames.ShowNotes, "GET", LinkPaths.Notes, RouteAccess.Link, NotesHandlers.GetAsync),
        new(RouteNames.ShowRecord, "GET", LinkPaths.Record, RouteAccess.Link, RecordHandlers.GetAsync),
        new(RouteNames.UploadRecord, "POST", LinkPaths.Record, RouteAccess.Link, RecordHandlers.PostAsync),
        new(RouteNames.DownloadRecordForm, "GET", LinkPaths.RecordForm, RouteAccess.Link, DownloadHandlers.RecordFormAsync),
        new(RouteNames.DownloadRecord, "GET", LinkPaths.Download, RouteAccess.Link, DownloadHandlers.RecordAsync),
        new(RouteNames.ShowHandoff, "GET", LinkPaths.Handoff, RouteAccess.Link, HandoffHandlers.GetAsync),
        new(RouteNames.ConfirmHandoff, "POST", LinkPaths.Handoff, RouteAccess.Link, HandoffHandlers.PostAsync),
        new(RouteNames.ShowDepartment, "GET", LinkPaths.Department, RouteAccess.Link, DepartmentHandlers.GetAsync),
        new(RouteNames.AssignReviewers, "POST", LinkPaths.Department, RouteAccess.Link, DepartmentHandlers.PostAsync),
        new(RouteNames.ShowFreshLink, "GET", LinkPaths.FreshLink, RouteAccess.Link, FreshLinkHandlers.GetAsync),
        new(RouteNames.SendFreshLink, "POST", LinkPaths.FreshLink, RouteAccess.Link, FreshLinkHandlers.PostAsync),
    ];

    /// <summary>Returns the route with the given name.</summary>
    public static WebRoute Get(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No route has this name.");
}
