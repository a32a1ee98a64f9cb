using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Routing;

/// <summary>RFC 9457 problem responses for the JSON routes.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid request");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authorized");

    public static IResult Unprocessable(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Cannot be processed");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult ServerError() =>
        Results.Problem(
            detail: "The server could not complete the request; it has been logged.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Server error");
}
