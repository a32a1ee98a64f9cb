using Microsoft.Extensions.Logging;

namespace CareerConv.Web.Hosting;

/// <summary>Log filters that keep link tokens out of the logs of every host that serves the link pages.</summary>
public static class LogFilters
{
    /// <summary>
    /// Categories of ASP.NET Core that write the full request or redirect URL, query string included, at
    /// Information level. A link page's URL carries its signed token, so these are raised to Warning.
    /// </summary>
    public static readonly IReadOnlyList<string> UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Http.Result",
    ];

    /// <summary>Adds the filters; call it after the host's other logging configuration.</summary>
    public static ILoggingBuilder AddCareerConvLogFilters(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        foreach (var category in UrlLoggingCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging;
    }
}
