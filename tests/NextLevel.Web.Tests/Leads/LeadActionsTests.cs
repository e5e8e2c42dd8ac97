using NextLevel.Web.Components.Pages.Leads;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Leads;

public sealed class LeadActionsTests : WebTestContext
{
    [Fact]
    public async Task Adding_a_note_sends_its_trimmed_text_and_tells_the_parent()
    {
        var changed = 0;
        var actions = RenderPage<LeadActions>(p => p.Add(x => x.Lead, Builders.Lead()).Add(x => x.OnChanged, () => changed++));

        await Field(actions, "note-text").ChangeAsync(new() { Value = "  Seller wants 30 days  " });
        await actions.Find("[data-testid=add-note]").ClickAsync(new());

        actions.WaitForAssertion(() => Assert.Equal(("lead0001", "Seller wants 30 days"), Assert.Single(Leads.Notes)));
        Assert.Equal(1, changed);
    }

    [Fact]
    public async Task A_new_tag_is_added_to_the_existing_ones_in_stored_form()
    {
        var actions = RenderPage<LeadActions>(p => p.Add(x => x.Lead, Builders.Lead()));

        var input = Field(actions, "tag-input");
        await input.ChangeAsync(new() { Value = "Cash Buyer" });
        await input.KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        actions.WaitForAssertion(() => Assert.Equal(["motivated_seller", "cash_buyer"], Assert.Single(Leads.TagChanges).Tags));
    }
}
