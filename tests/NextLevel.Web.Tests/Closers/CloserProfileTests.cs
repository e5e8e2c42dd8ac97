using System.Security.Claims;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Closers;

public sealed class CloserProfileTests : WebTestContext
{
    private void AddTeam()
    {
        Campaigns.Campaigns.Add(new Campaign { Id = "c1", Name = "Spring sellers", Status = "active" });
        Routing.CampaignRules["c1"] = new CampaignRouting("c1", "round_robin", 300, 3,
            [new RoutingCloser("u-casey", "Casey Closer", 2, 20, 3, "America/Chicago", new CloserShift(["mon", "tue"], "09:00", "17:00"), true)]);
    }

    /// <summary>The whole MudBlazor control of a field: label, input and the message under it.</summary>
    private string FieldText(string testId) => DialogHost.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task A_manager_edits_a_team_closers_shift_cap_and_weight_in_a_dialog()
    {
        AddTeam();
        var page = RenderPage<RoutingRulesPage>();
        page.WaitForElement("[data-testid=edit-profile]");

        var edit = page.Find("[data-testid=edit-profile]").ClickAsync(new());
        DialogHost.WaitForElement("[data-testid=profile-save]");
        Assert.Equal("America/Chicago", Field(DialogHost, "profile-timezone").GetAttribute("value"));
        await Field(DialogHost, "profile-day-wed").ChangeAsync(new() { Value = true });
        await Field(DialogHost, "profile-start").ChangeAsync(new() { Value = "08:30" });
        await Field(DialogHost, "profile-end").ChangeAsync(new() { Value = "16:00" });
        await Field(DialogHost, "profile-cap").ChangeAsync(new() { Value = "12" });
        await Field(DialogHost, "profile-weight").ChangeAsync(new() { Value = "3" });
        await DialogHost.Find("[data-testid=profile-save]").ClickAsync(new());
        await edit;

        var (userId, profile) = Assert.Single(Routing.ProfileUpdates);
        Assert.Equal("u-casey", userId);
        Assert.Equal("America/Chicago", profile.TimeZone);
        Assert.Equal(["mon", "tue", "wed"], profile.Shift.Days);
        Assert.Equal(("08:30", "16:00", 12, 3.0), (profile.Shift.Start, profile.Shift.End, profile.OpenLeadCap, profile.Weight));
        DialogHost.WaitForAssertion(() => Assert.Empty(DialogHost.FindAll("[data-testid=profile-save]")));
    }

    [Fact]
    public void The_Apis_field_errors_show_beside_the_fields_and_the_dialog_stays_open()
    {
        AddTeam();
        Routing.ProfileRefusal = new ApiProblemException(400, "One or more validation errors occurred.", new Dictionary<string, string[]>
        {
            ["shift.end"] = ["Must be a local time HH:mm (before start for an overnight shift)."],
            ["openLeadCap"] = ["Must be 1 to 200."],
        });
        var page = RenderPage<RoutingRulesPage>();
        page.WaitForElement("[data-testid=edit-profile]").Click();
        DialogHost.WaitForElement("[data-testid=profile-save]").Click();

        DialogHost.WaitForAssertion(() => Assert.Contains("Must be 1 to 200.", FieldText("profile-cap")));
        Assert.Contains("before start for an overnight shift", FieldText("profile-end"));
        Assert.DoesNotContain("Must be 1 to 200.", FieldText("profile-weight"));
        Assert.NotNull(DialogHost.Find("[data-testid=profile-error]"));
        Assert.Empty(Routing.ProfileUpdates);
    }

    [Fact]
    public async Task A_closer_edits_their_own_shift_from_My_day()
    {
        Authorization.SetRoles("closer");
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-casey"));
        Routing.Closers.Add(new CloserSummary("u-casey", "Casey Closer", "America/Denver", new CloserShift(["sat", "sun"], "22:00", "06:00"), 15, 1, false, 2));
        var page = RenderPage<MyDayPage>();

        var edit = page.WaitForElement("[data-testid=edit-my-shift]").ClickAsync(new());
        DialogHost.WaitForElement("[data-testid=profile-save]");
        Assert.Equal("22:00", Field(DialogHost, "profile-start").GetAttribute("value"));
        await Field(DialogHost, "profile-day-fri").ChangeAsync(new() { Value = true });
        await DialogHost.Find("[data-testid=profile-save]").ClickAsync(new());
        await edit;

        var (userId, profile) = Assert.Single(Routing.ProfileUpdates);
        Assert.Equal("u-casey", userId);
        Assert.Equal(("America/Denver", 15, 1.0), (profile.TimeZone, profile.OpenLeadCap, profile.Weight));
        Assert.Equal(["fri", "sat", "sun"], profile.Shift.Days);
    }
}
