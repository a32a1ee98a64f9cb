using System.ComponentModel.DataAnnotations;

namespace CareerConv.Web.Links;

/// <summary>Settings for signed action links, bound from <c>CareerConv:Links</c>.</summary>
public sealed class LinkOptions
{
    public const string SectionName = "CareerConv:Links";

    /// <summary>
    /// Signing keys, oldest first. The last key signs new links; every key verifies, so a key can be
    /// added before the old one is removed.
    /// </summary>
    public List<LinkKeyOptions> Keys { get; init; } = [];

    /// <summary>Time a link stays valid after the deadline its message is about. Default: 5 days.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Lifetime of a link in a message without a deadline, from when it is made. Default: 30 days.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Lifetime of the anti-forgery value in a form, from when the page was shown. Default: 4 hours.</summary>
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Lifetime of a download link shown on a page. Default: 15 minutes.</summary>
    public TimeSpan DownloadLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The public site's absolute base URL, such as https://careers.example.ac.uk.</summary>
    [Required]
    public string? BaseUrl { get; set; }
}

/// <summary>One signing key: a short id carried in each token, and a secret of at least 32 bytes.</summary>
public sealed class LinkKeyOptions
{
    public string? Id { get; set; }

    /// <summary>The secret, base64-encoded.</summary>
    public string? Secret { get; set; }
}
