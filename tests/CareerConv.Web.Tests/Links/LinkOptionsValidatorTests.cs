using CareerConv.Web.Links;

namespace CareerConv.Web.Tests.Links;

public sealed class LinkOptionsValidatorTests
{
    static LinkOptions Valid() => new()
    {
        BaseUrl = WebApp.BaseUrl,
        Keys = [new LinkKeyOptions { Id = "k1", Secret = WebApp.NewSecret }],
    };

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        Assert.True(new LinkOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_NoKeys_NamesTheSetting()
    {
        var options = Valid();
        options.Keys.Clear();

        var result = new LinkOptionsValidator().Validate(null, options);

        Assert.Contains("CareerConv:Links:Keys", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortSecret_Fails()
    {
        var options = Valid();
        options.Keys[0].Secret = Convert.ToBase64String(new byte[16]);

        var result = new LinkOptionsValidator().Validate(null, options);

        Assert.Contains("Keys:0:Secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateKeyId_Fails()
    {
        var options = Valid();
        options.Keys.Add(new LinkKeyOptions { Id = "k1", Secret = WebApp.OldSecret });

        var result = new LinkOptionsValidator().Validate(null, options);

        Assert.Contains("Keys:1:Id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/relative")]
    [InlineData("ftp://example.ac.uk")]
    public void Validate_BadBaseUrl_Fails(string? baseUrl)
    {
        var options = Valid();
        options.BaseUrl = baseUrl;

        var result = new LinkOptionsValidator().Validate(null, options);

        Assert.Contains("BaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
