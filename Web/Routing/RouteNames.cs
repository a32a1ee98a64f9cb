namespace CareerConv.Web.Routing;

/// <summary>
/// Route names. Each is also the name of the <c>[Function]</c> that serves the route in the Functions app.
/// </summary>
public static class RouteNames
{
    public const string StartConversation = nameof(StartConversation);
    public const string GetConversationStatus = nameof(GetConversationStatus);
    public const string ChangeConversation = nameof(ChangeConversation);
    public const string GetConversationTimeline = nameof(GetConversationTimeline);
    public const string ImportRoster = nameof(ImportRoster);
    public const string GetImportStatus = nameof(GetImportStatus);
    public const string GetCycleProgress = nameof(GetCycleProgress);
    public const string ShowCycleProgress = nameof(ShowCycleProgress);
    public const string ExportITrent = nameof(ExportITrent);
    public const string GetUnrecordedMeetings = nameof(GetUnrecordedMeetings);
    public const string DownloadConversationRecord = nameof(DownloadConversationRecord);
    public const string ExportStaffData = nameof(ExportStaffData);
    public const string Stylesheet = nameof(Stylesheet);
    public const string ShowReflection = nameof(ShowReflection);
    public const string SendReflection = nameof(SendReflection);
    public const string ShowMyRecord = nameof(ShowMyRecord);
    public const string ShowMeeting = nameof(ShowMeeting);
    public const string ScheduleMeeting = nameof(ScheduleMeeting);
    public const string ShowNotes = nameof(ShowNotes);
    public const string ShowRecord = nameof(ShowRecord);
    public const string UploadRecord = nameof(UploadRecord);
    public const string DownloadRecordForm = nameof(DownloadRecordForm);
    public const string DownloadRecord = nameof(DownloadRecord);
    public const string ShowHandoff = nameof(ShowHandoff);
    public const string ConfirmHandoff = nameof(ConfirmHandoff);
    public const string ShowDepartment = nameof(ShowDepartment);
    public const string AssignReviewers = nameof(AssignReviewers);
    public const string ShowFreshLink = nameof(ShowFreshLink);
    public const string SendFreshLink = nameof(SendFreshLink);
}
