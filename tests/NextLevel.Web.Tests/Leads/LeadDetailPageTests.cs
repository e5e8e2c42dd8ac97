using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Leads;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Leads;

public sealed class LeadDetailPageTests : WebTestContext
{
    public LeadDetailPageTests()
    {
        Leads.Details["lead0001"] = new LeadDetail(Builders.Lead(), null,
        [
            new TimelineEntry(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), "received", "Received from zillow", "lead0001"),
            new TimelineEntry(new DateTimeOffset(2026, 3, 1, 12, 5, 0, TimeSpan.Zero), "call", "outbound call completed, qualified, 420 s", "call1"),
            new TimelineEntry(new DateTimeOffset(2026, 3, 1, 12, 13, 0, TimeSpan.Zero), "consent_event", "granted via zillow_lead_form", "log1"),
        ]);
    }

    [Fact]
    public void Shows_the_contact_qualification_and_one_timeline_newest_first_with_notes()
    {
        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));

        page.WaitForAssertion(() => Assert.Equal("Dana Seller", page.Find("#lead-name").TextContent));
        var entries = page.FindAll("[data-testid=timeline-entry]").Select(e => e.TextContent).ToList();
        Assert.Equal(4, entries.Count);
        Assert.Contains("Call back after 5pm", entries[0]);
        Assert.Contains("Received from zillow", entries[^1]);
        Assert.Contains("0.82", page.Find("[data-testid=qualification]").TextContent);
    }

    [Fact]
    public void Shows_the_can_contact_answer_per_channel_with_the_gate_reasons()
    {
        Compliance.Answers["sms"] = FakeComplianceApi.Refused("sms", "Outside calling hours in America/Los_Angeles");

        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));

        page.WaitForAssertion(() => Assert.Contains("Call: yes", page.Find("[data-testid=can-contact-call-answer]").TextContent));
        Assert.Contains("Sms: no", page.Find("[data-testid=can-contact-sms-answer]").TextContent);
        Assert.Contains("Outside calling hours", page.Find("[data-testid=can-contact-sms-reasons]").TextContent);
    }

    [Fact]
    public async Task Revoking_consent_records_it_and_the_can_contact_answer_turns_to_no()
    {
        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));
        page.WaitForAssertion(() => Assert.Contains("yes", page.Find("[data-testid=can-contact-call-answer]").TextContent));

        // The first click waits for the dialog's answer: it completes only after the confirmation.
        var revoke = page.Find("[data-testid=revoke-consent]").ClickAsync(new());
        DialogHost.WaitForElement("[data-testid=confirm-revoke]");
        await DialogHost.Find("[data-testid=confirm-revoke]").ClickAsync(new());
        await revoke;

        page.WaitForAssertion(() => Assert.Contains("Call: no", page.Find("[data-testid=can-contact-call-answer]").TextContent));
        var (leadId, revocation) = Assert.Single(Compliance.Revocations);
        Assert.Equal("lead0001", leadId);
        Assert.Null(revocation.Channels);
    }

    [Fact]
    public void A_lead_that_does_not_exist_says_so_and_links_back()
    {
        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "missing"));

        page.WaitForAssertion(() => Assert.Contains("This lead does not exist", page.Markup));
    }

    [Fact]
    public void A_closer_can_act_on_the_lead_but_actions_are_hidden_from_nobody_else_signed_in()
    {
        Authorization.SetRoles("closer");

        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=lead-actions]")));
        Assert.NotNull(page.Find("[data-testid=revoke-consent]"));
    }
}
