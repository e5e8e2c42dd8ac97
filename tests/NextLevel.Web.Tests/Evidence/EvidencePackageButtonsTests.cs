using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Compliance;
using NextLevel.Web.Components.Pages.Leads;
using NextLevel.Web.Components.Shared.Evidence;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Evidence;

public sealed class EvidencePackageButtonsTests : WebTestContext
{
    public EvidencePackageButtonsTests()
    {
        Leads.Details["lead0001"] = new LeadDetail(Builders.Lead(), null, []);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("compliance")]
    [InlineData("ops")]
    public void The_lead_page_offers_the_lead_s_package_as_pdf_and_zip_to_compliance_staff(string role)
    {
        Authorization.SetRoles(role);

        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));

        page.WaitForAssertion(() => Assert.Equal("/compliance/evidence/lead/lead0001?format=pdf", page.Find("[data-testid=evidence-pdf]").GetAttribute("href")));
        Assert.Equal("/compliance/evidence/lead/lead0001?format=zip", page.Find("[data-testid=evidence-zip]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("closer")]
    [InlineData("campaign_manager")]
    public void Other_staff_do_not_see_the_buttons(string role)
    {
        Authorization.SetRoles(role);

        var page = RenderPage<LeadDetailPage>(p => p.Add(x => x.Id, "lead0001"));

        page.WaitForAssertion(() => Assert.Equal("Dana Seller", page.Find("#lead-name").TextContent));
        Assert.Empty(page.FindAll("[data-testid=evidence-package]"));
    }

    [Fact]
    public void The_compliance_page_offers_the_package_of_the_number_searched_for()
    {
        Authorization.SetRoles("compliance");
        var page = RenderPage<ConsentAuditPage>();
        Assert.Empty(page.FindAll("[data-testid=evidence-pdf]"));

        Field(page, "audit-phone").Change("+12065550100");
        page.Find("[data-testid=audit-search]").Click();

        page.WaitForAssertion(() => Assert.Equal("/compliance/evidence/phone/%2B12065550100?format=pdf", page.Find("[data-testid=evidence-pdf]").GetAttribute("href")));
        Assert.Equal("/compliance/evidence/phone/%2B12065550100?format=zip", page.Find("[data-testid=evidence-zip]").GetAttribute("href"));
    }

    [Fact]
    public void The_compliance_page_offers_the_package_of_the_lead_searched_for()
    {
        var page = RenderPage<ConsentAuditPage>();

        Field(page, "audit-lead").Change("65f1c0ffee0000000000abcd");
        page.Find("[data-testid=audit-search]").Click();

        page.WaitForAssertion(() => Assert.Equal("/compliance/evidence/lead/65f1c0ffee0000000000abcd?format=zip", page.Find("[data-testid=evidence-zip]").GetAttribute("href")));
    }

    [Fact]
    public void Without_a_lead_or_a_number_nothing_is_offered()
    {
        var buttons = Render<EvidencePackageButtons>(p => p.Add(x => x.LeadId, " ").Add(x => x.Phone, null));

        Assert.Empty(buttons.FindAll("[data-testid=evidence-package]"));
    }
}
