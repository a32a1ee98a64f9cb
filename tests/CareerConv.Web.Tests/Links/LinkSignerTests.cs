using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Tests.Links;

public sealed class LinkSignerTests
{
    static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly LinkClaims Claims = new(
        LinkScope.ForConversation(ConversationIds.New()), ActorRole.Staff, LinkAction.Reflection, 1, Now.AddDays(3));

    static LinkSigner Signer(params (string Id, string Secret)[] keys) => new(Options.Create(new LinkOptions
    {
        BaseUrl = WebApp.BaseUrl,
        Keys = [.. keys.Select(k => new LinkKeyOptions { Id = k.Id, Secret = k.Secret })],
    }));

    static LinkSigner Rotated() => Signer(("old", WebApp.OldSecret), ("new", WebApp.NewSecret));

    [Fact]
    public void Verify_SignedToken_ReturnsSameClaims()
    {
        var signer = Rotated();

        var result = signer.Verify(signer.Sign(Claims), Now);

        Assert.Equal(LinkTokenState.Valid, result.State);
        Assert.Equal(Claims, result.Claims);
    }

    [Fact]
    public void Sign_RotatedKeys_UsesNewestKey()
    {
        var token = Rotated().Sign(Claims);

        Assert.StartsWith("new.", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OldKeyAfterRotation_Valid()
    {
        var oldToken = Signer(("old", WebApp.OldSecret)).Sign(Claims);

        var result = Rotated().Verify(oldToken, Now);

        Assert.Equal(LinkTokenState.Valid, result.State);
    }

    [Fact]
    public void Verify_KeyRemoved_Invalid()
    {
        var oldToken = Signer(("old", WebApp.OldSecret)).Sign(Claims);

        var result = Signer(("new", WebApp.NewSecret)).Verify(oldToken, Now);

        Assert.Equal(LinkTokenState.Invalid, result.State);
    }

    [Fact]
    public void Verify_PastExpiry_Expired()
    {
        var signer = Rotated();

        var result = signer.Verify(signer.Sign(Claims), Claims.ExpiresAt);

        Assert.Equal(LinkTokenState.Expired, result.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_OnePartAltered_Invalid(int part)
    {
        var signer = Rotated();
        var parts = signer.Sign(Claims).Split('.');
        var chars = parts[part].ToCharArray();
        chars[^2] = chars[^2] == 'A' ? 'B' : 'A';
        parts[part] = new string(chars);

        var result = signer.Verify(string.Join('.', parts), Now);

        Assert.Equal(LinkTokenState.Invalid, result.State);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Verify_RoleSwappedInPayload_Invalid()
    {
        var signer = Rotated();
        var parts = signer.Sign(Claims).Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.Replace("Staff", "Reviewer", StringComparison.Ordinal)));

        var result = signer.Verify(string.Join('.', parts), Now);

        Assert.Equal(LinkTokenState.Invalid, result.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("new..")]
    public void Verify_Malformed_Invalid(string? token)
    {
        Assert.Equal(LinkTokenState.Invalid, Rotated().Verify(token, Now).State);
    }

    [Fact]
    public void Verify_DepartmentScope_RoundTrips()
    {
        var signer = Rotated();
        var claims = Claims with
        {
            Scope = LinkScope.ForDepartment(new DepartmentScope("2026-autumn", "SCI", "PHYS")),
            Role = ActorRole.HeadOfDepartment,
            Action = LinkAction.AssignReviewers,
        };

        var result = signer.Verify(signer.Sign(claims), Now);

        Assert.Equal(new DepartmentScope("2026-autumn", "SCI", "PHYS"), result.Claims!.Scope.Department);
    }

    [Fact]
    public void FormMac_OtherData_DoesNotVerify()
    {
        var signer = Rotated();

        var mac = signer.FormMac("a|b");

        Assert.True(signer.VerifyFormMac("a|b", mac));
        Assert.False(signer.VerifyFormMac("a|c", mac));
    }
}
