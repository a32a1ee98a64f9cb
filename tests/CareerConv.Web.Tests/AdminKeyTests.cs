using CareerConv.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Tests;

public sealed class AdminKeyTests
{
    [Fact]
    public void Constructor_ShortKey_RejectsWithTheFix()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdminKey("short"));

        Assert.Contains("CareerConv:Admin:Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorizes_KeyInQuery_Accepts()
    {
        var key = AdminKey.Random();
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?code=" + key.Value);

        Assert.True(key.Authorizes(context.Request));
    }

    [Fact]
    public void Random_TwoKeys_Differ()
    {
        Assert.NotEqual(AdminKey.Random().Value, AdminKey.Random().Value);
    }
}
