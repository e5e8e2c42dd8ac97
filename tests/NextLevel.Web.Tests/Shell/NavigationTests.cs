using NextLevel.Web.Components.Layout;
using NextLevel.Web.Components.Pages.Account;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Shell;

public sealed class NavigationTests : WebTestContext
{
    [Theory]
    [InlineData("ops", true)]
    [InlineData("admin", true)]
    [InlineData("closer", false)]
    [InlineData("campaign_manager", false)]
    public void Compliance_pages_are_listed_only_for_admins_and_ops(string role, bool listed)
    {
        Authorization.SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal(listed, menu.Markup.Contains("/compliance/dnc", StringComparison.Ordinal));
        Assert.Contains("/leads", menu.Markup);
    }

    [Theory]
    [InlineData("/leads?status=new", "/leads?status=new")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/account/signin", "/")]
    [InlineData(null, "/")]
    public void After_sign_in_only_a_local_page_is_followed(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignIn.SafeReturnUrl(returnUrl));
}
