using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class LeadClosingCardsTests : WebTestContext
{
    public LeadClosingCardsTests() => Authorization.SetRoles("closer");

    [Fact]
    public async Task Booking_a_visit_sends_the_local_time_as_UTC_and_confirms_it()
    {
        var card = RenderPage<LeadWorkCard>(p => p.Add(c => c.LeadId, "lead0001"));

        await Field(card, "visit-start").ChangeAsync(new() { Value = "2026-03-03T14:00" });
        card.Find("[data-testid=book-visit]").Click();

        card.WaitForAssertion(() => Assert.Contains("Visit booked", card.Find("[data-testid=visit-booked]").TextContent));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero), Work.Visits.Single().StartsAt);
    }

    [Fact]
    public async Task A_visit_overlapping_another_is_refused_with_the_conflict_named()
    {
        Work.Visits.Add(Visit("a1", new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero)));
        var card = RenderPage<LeadWorkCard>(p => p.Add(c => c.LeadId, "lead0001"));

        await Field(card, "visit-start").ChangeAsync(new() { Value = "2026-03-03T14:30" });
        card.Find("[data-testid=book-visit]").Click();

        card.WaitForAssertion(() => Assert.Contains("already has a site visit", card.Find("[data-testid=visit-error]").TextContent));
        Assert.Single(Work.Visits);
    }

    [Fact]
    public async Task A_call_back_outside_the_legal_window_shows_the_Apis_next_allowed_time()
    {
        Work.TaskRefusal = new NextLevel.Web.ApiClient.ApiProblemException(400, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["dueAt"] = ["Outside the callee's calling hours; the next allowed time is 2026-03-03T14:00:00Z."] });
        var card = RenderPage<LeadWorkCard>(p => p.Add(c => c.LeadId, "lead0001"));

        await Field(card, "task-title").ChangeAsync(new() { Value = "Call back" });
        await Field(card, "task-due").ChangeAsync(new() { Value = "2026-03-03T03:00" });
        card.Find("[data-testid=add-task]").Click();

        card.WaitForAssertion(() => Assert.Contains("next allowed time", card.Find("[data-testid=task-error]").TextContent));
    }

    [Fact]
    public void The_valuation_beside_the_offer_form_follows_the_wholesale_fee()
    {
        var card = RenderPage<OfferDealCard>(p => p.Add(c => c.LeadId, "lead0001").Add(c => c.PropertyId, "prop1"));

        card.WaitForAssertion(() => Assert.Equal("$160,000", card.Find("[data-testid=offer-mao]").TextContent.Trim()));
        Assert.Equal([OfferDealCard.DefaultFee], Deals.ValuationFees);
    }

    [Fact]
    public async Task An_offer_goes_from_draft_to_sent_to_accepted_becomes_a_deal_and_closes_with_its_revenue()
    {
        var card = RenderPage<OfferDealCard>(p => p.Add(c => c.LeadId, "lead0001").Add(c => c.PropertyId, "prop1"));
        card.WaitForElement("[data-testid=offer-mao]");

        await Field(card, "offer-amount").InputAsync(new() { Value = "150000" });
        card.Find("[data-testid=create-offer]").Click();
        card.WaitForAssertion(() => Assert.Equal("Draft", card.Find("[data-testid=offer-status]").TextContent));
        Assert.Equal((150000d, OfferDealCard.DefaultFee), (Deals.CreatedOffers.Single().Amount, Deals.CreatedOffers.Single().WholesaleFee));

        card.Find("[data-testid=offer-send]").Click();
        card.WaitForAssertion(() => Assert.Equal("Sent", card.Find("[data-testid=offer-status]").TextContent));
        card.Find("[data-testid=offer-accept]").Click();
        card.WaitForAssertion(() => Assert.Equal("Accepted", card.Find("[data-testid=offer-status]").TextContent));
        Assert.Equal(("accept", "seller"), (Deals.Responses.Single().Action, Deals.Responses.Single().By));

        card.Find("[data-testid=create-deal]").Click();
        card.WaitForAssertion(() => Assert.Equal("Under contract", card.Find("[data-testid=deal-status]").TextContent));

        await Field(card, "deal-revenue").ChangeAsync(new() { Value = "12000" });
        card.Find("[data-testid=close-deal]").Click();

        card.WaitForAssertion(() => Assert.Equal("Closed", card.Find("[data-testid=deal-status]").TextContent));
        Assert.Equal((12000d, "closed"), (Deals.DealPatches.Single().Patch.Revenue, Deals.DealPatches.Single().Patch.Status));
    }

    [Fact]
    public void An_illegal_offer_transition_shows_the_Apis_reason()
    {
        Deals.Offers.Add(new Offer("o1", "prop1", "lead0001", 150000, null, null, "sent", null, []));
        Deals.Offers.Add(new Offer("o2", "prop1", "lead0001", 140000, null, null, "sent", null, []));
        var card = RenderPage<OfferDealCard>(p => p.Add(c => c.LeadId, "lead0001").Add(c => c.PropertyId, "prop1"));
        card.WaitForElement("[data-testid=offer-accept]");
        Deals.Offers[0] = Deals.Offers[0] with { Status = "rejected" };

        card.FindAll("[data-testid=offer-accept]")[0].Click();

        card.WaitForAssertion(() => Assert.Contains("cannot be accepted", card.Find("[data-testid=offer-message]").TextContent));
    }

    [Theory]
    [InlineData("sent", "us", "seller")]
    [InlineData("countered", "us", "seller")]
    [InlineData("countered", "seller", "us")]
    public void The_party_answering_an_offer_is_the_other_side_of_its_last_move(string lastAction, string lastBy, string expected) =>
        Assert.Equal(expected, OfferDealCard.AnsweringParty(new Offer("o1", "prop1", "lead0001", 1, null, null, "sent", null,
            [new OfferHistoryEntry(Now.AddHours(-1), "sent", 1, "us", null, null), new OfferHistoryEntry(Now, lastAction, 1, lastBy, null, null)])));

    [Fact]
    public void The_routing_card_explains_each_step_and_claims_an_offered_lead()
    {
        Routing.States["lead0001"] = new RoutingState("offered", "u-casey", "Casey Closer", Now, Now.AddMinutes(5), null, null, null,
            [new RoutingHistoryEntry(Now, "offered", "u-casey", "Casey Closer", "next in rotation, on shift, 3 of 20 open")]);
        var card = RenderPage<LeadRoutingCard>(p => p.Add(c => c.LeadId, "lead0001"));

        card.WaitForAssertion(() => Assert.Contains("Offered to Casey Closer", card.Find("[data-testid=routing-state]").TextContent));
        Assert.Contains("next in rotation, on shift, 3 of 20 open", card.Find("[data-testid=routing-history]").TextContent);

        card.Find("[data-testid=lead-claim]").Click();

        card.WaitForAssertion(() => Assert.Contains("Claimed by Casey Closer", card.Find("[data-testid=routing-state]").TextContent));
    }
}
