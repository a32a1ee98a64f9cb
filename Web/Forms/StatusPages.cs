using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Forms;

/// <summary>
/// Pages that explain why a link or form cannot be used. None of them shows anything about the
/// conversation or the people in it.
/// </summary>
public sealed class StatusPages(PageRenderer renderer)
{
    static readonly string FreshLinkPath = "/" + LinkPaths.FreshLink;

    public Task<IResult> InvalidLinkAsync() => MessageAsync(
        StatusCodes.Status401Unauthorized, "This link is not valid",
        "The link may have been copied only in part. Open it again from your email, or ask for a new link.", true);

    public Task<IResult> WrongPageAsync() => MessageAsync(
        StatusCodes.Status403Forbidden, "This link is for a different page",
        "Open the link from the email that asked you to do this.", false);

    public Task<IResult> ExpiredAsync() => MessageAsync(
        StatusCodes.Status410Gone, "This link has expired",
        "Links stop working a few days after their deadline. Ask for a new link and we will email it to you.", true);

    public Task<IResult> SupersededAsync() => MessageAsync(
        StatusCodes.Status410Gone, "This link has been replaced",
        "A newer email replaced this link, or the conversation moved to someone else. Use the newest email you have.", true);

    /// <summary>The page for an unknown (404) or finished (410) conversation.</summary>
    public Task<IResult> ClosedAsync(bool known) => MessageAsync(
        known ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound, "This conversation is closed",
        "There is nothing more to do here. If you think this is wrong, contact your department's coordinator.", false);

    /// <summary>A page that cannot be used at the conversation's current stage.</summary>
    public Task<IResult> NotNowAsync(string explanation) => MessageAsync(
        StatusCodes.Status409Conflict, "You cannot do this yet", explanation, false);

    public Task<IResult> FormRejectedAsync(FormCheck check) => check == FormCheck.Missing
        ? MessageAsync(StatusCodes.Status400BadRequest, "The form was incomplete",
            "Part of the form was missing. Go back to the page from your email link and send it again.", false)
        : MessageAsync(StatusCodes.Status403Forbidden, "The form could not be accepted",
            check == FormCheck.Expired
                ? "The page was open too long. Open your email link again and send the form within a few hours."
                : "The form did not come from this site. Open your email link again and send the form from there.",
            false);

    public Task<IResult> UnavailableAsync(string explanation) => MessageAsync(
        StatusCodes.Status503ServiceUnavailable, "This service is not available", explanation, false);

    Task<IResult> MessageAsync(int statusCode, string heading, string text, bool offerFreshLink) =>
        renderer.RenderAsync("message", heading, new Dictionary<string, object?>
        {
            ["heading"] = heading,
            ["text"] = text,
            ["freshLinkPath"] = offerFreshLink ? FreshLinkPath : null,
        }, statusCode);
}
