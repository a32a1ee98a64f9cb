using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Web.Links;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Tests.BadInput;

/// <summary>
/// Link tokens that were not issued by this site: random strings, truncated tokens, tokens re-signed with
/// another key and tokens with altered claims. Each gets 401 before anything about the conversation is read.
/// </summary>
public sealed class TokenBadInputTests
{
    static string RandomToken(Random random)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.|=+/%";
        var length = random.Next(0, random.Next(2) == 0 ? 80 : 3000);
        var text = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        return random.Next(4) == 0 ? "new." + text : text;
    }

    static string Resign(string keyId, byte[] secret, string payload)
    {
        var signed = keyId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(signed)));
    }

    static string Payload(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));

    [Fact]
    public async Task Reflection_RandomTokens_Return401()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var before = await FormBadInputTests.SnapshotAsync(web, input);
        var random = new Random(4242);

        for (var i = 0; i < 150; i++)
        {
            var token = RandomToken(random);
            var response = await web.Client.GetAsync("/links/reflection?t=" + Uri.EscapeDataString(token));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Token {i} '{token[..Math.Min(40, token.Length)]}': {response.StatusCode}.");
        }

        Assert.Equal(before, await FormBadInputTests.SnapshotAsync(web, input));
    }

    [Fact]
    public async Task Reflection_EveryTruncation_Returns401()
    {
        await using var web = await WebApp.StartAsync();
        await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..]);

        for (var length = 0; length < token.Length; length++)
        {
            var response = await web.Client.GetAsync("/links/reflection?t=" + Uri.EscapeDataString(token[..length]));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"First {length} characters: {response.StatusCode}.");
        }

        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Reflection_ResignedOrAltered_Returns401()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var signer = new LinkSigner(Options.Create(new LinkOptions
        {
            BaseUrl = WebApp.BaseUrl,
            Keys = [new LinkKeyOptions { Id = "new", Secret = WebApp.NewSecret }],
        }));
        var claims = new LinkClaims(LinkScope.ForConversation(input.ConversationId), ActorRole.Staff, LinkAction.Reflection, 1,
            web.Clock.GetUtcNow().AddDays(5));
        var token = signer.Sign(claims);
        var parts = token.Split('.');
        var payload = Payload(token);
        var otherSecret = RandomNumberGenerator.GetBytes(32);
        var forged = new Dictionary<string, string>
        {
            ["other key, same id"] = Resign("new", otherSecret, payload),
            ["other key, unknown id"] = Resign("attacker", otherSecret, payload),
            ["no key id"] = Resign("", otherSecret, payload),
            ["role changed"] = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("|Staff|", "|Reviewer|", StringComparison.Ordinal))) + "." + parts[2],
            ["expiry extended"] = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload[..payload.LastIndexOf('|')] + "|9999999999")) + "." + parts[2],
            ["old key id"] = "old." + parts[1] + "." + parts[2],
            ["mac of another token"] = parts[0] + "." + parts[1] + "." + signer.Sign(claims with { Version = 2 }).Split('.')[2],
            ["empty mac"] = parts[0] + "." + parts[1] + ".",
            ["extra part"] = token + ".x",
            ["mac not base64url"] = parts[0] + "." + parts[1] + ".!!!!",
        };

        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync("/links/reflection?t=" + Uri.EscapeDataString(token))).StatusCode);
        foreach (var (label, value) in forged)
        {
            var response = await web.Client.GetAsync("/links/reflection?t=" + Uri.EscapeDataString(value));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{label}: {response.StatusCode}.");
        }
    }

    [Fact]
    public void Verify_SignedButMalformedClaims_Invalid()
    {
        var secret = Convert.FromBase64String(WebApp.NewSecret);
        var signer = new LinkSigner(Options.Create(new LinkOptions
        {
            BaseUrl = WebApp.BaseUrl,
            Keys = [new LinkKeyOptions { Id = "new", Secret = WebApp.NewSecret }],
        }));
        var conversationId = ConversationIds.New();
        string[] payloads =
        [
            $"1|{conversationId}|Staff|Reflection|1|99999999999999",
            $"1|{conversationId}|Staff|Reflection|1|-5",
            $"1|{conversationId}|7|Reflection|1|1900000000",
            $"1|{conversationId}|Staff|99|1|1900000000",
            $"1|{conversationId}|Staff,Reviewer|Reflection|1|1900000000",
            $"1|{conversationId}|Staff|Reflection|99999999999|1900000000",
            $"2|{conversationId}|Staff|Reflection|1|1900000000",
            "1|d:2026:SCI|HeadOfDepartment|AssignReviewers|1|1900000000",
            "1|../../etc|Staff|Reflection|1|1900000000",
        ];

        foreach (var payload in payloads)
        {
            var verification = signer.Verify(Resign("new", secret, payload), DateTimeOffset.UnixEpoch);

            Assert.True(verification.State == LinkTokenState.Invalid, $"'{payload}' gave {verification.State}.");
        }
    }
}
