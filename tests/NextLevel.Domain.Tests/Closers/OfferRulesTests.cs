using CsCheck;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Valuation;

namespace NextLevel.Domain.Tests.Closers;

public sealed class OfferRulesTests
{
    private static readonly (OfferStatus From, OfferAction Action, OfferStatus To)[] Allowed =
    [
        (OfferStatus.Draft, OfferAction.Sent, OfferStatus.Sent),
        (OfferStatus.Sent, OfferAction.Countered, OfferStatus.Countered),
        (OfferStatus.Countered, OfferAction.Countered, OfferStatus.Countered),
        (OfferStatus.Sent, OfferAction.Accepted, OfferStatus.Accepted),
        (OfferStatus.Countered, OfferAction.Accepted, OfferStatus.Accepted),
        (OfferStatus.Sent, OfferAction.Rejected, OfferStatus.Rejected),
        (OfferStatus.Countered, OfferAction.Rejected, OfferStatus.Rejected),
        (OfferStatus.Sent, OfferAction.Expired, OfferStatus.Expired),
        (OfferStatus.Countered, OfferAction.Expired, OfferStatus.Expired),
    ];

    [Fact]
    public void Exactly_the_listed_offer_moves_are_allowed_and_final_statuses_allow_none()
    {
        foreach (var from in Enum.GetValues<OfferStatus>())
        {
            foreach (var action in Enum.GetValues<OfferAction>())
            {
                var next = OfferStateMachine.Apply(from, action, out var reason);
                var expected = Allowed.Where(a => a.From == from && a.Action == action).Select(a => (OfferStatus?)a.To).FirstOrDefault();
                Assert.Equal(expected, next);
                Assert.Equal(next is null, reason is not null);
                if (OfferStateMachine.IsFinal(from)) Assert.Null(next);
            }
        }
    }

    [Fact]
    public void The_responder_is_the_other_side_of_the_last_amount_on_the_table()
    {
        var offer = new Offer { History = [new() { Action = OfferAction.Sent, By = OfferParty.Us }] };
        Assert.Equal(OfferParty.Seller, OfferStateMachine.Responder(offer));
        offer.History.Add(new() { Action = OfferAction.Countered, By = OfferParty.Seller });
        Assert.Equal(OfferParty.Us, OfferStateMachine.Responder(offer));
    }

    [Fact]
    public void The_maximum_allowable_offer_is_seventy_percent_of_arv_less_repairs_and_the_fee_with_the_margin_shown()
    {
        var offer = WholesaleValuation.ForOffer(300_000m, 40_000m, 10_000m);

        Assert.Equal(160_000m, offer.MaximumAllowableOffer); // 210,000 − 40,000 − 10,000
        Assert.Equal(100_000m, offer.Margin); // 300,000 − 40,000 − 160,000
        Assert.Equal(WholesaleValuation.Calculate(300_000m, 40_000m).WholesalePrice - 10_000m, offer.MaximumAllowableOffer);
    }

    [Fact]
    public void The_offer_math_holds_for_any_value_repairs_and_fee()
    {
        Gen.Select(Gen.Int[0, 5_000_000], Gen.Int[0, 1_000_000], Gen.Int[0, 100_000]).Sample((arv, repairs, fee) =>
        {
            var o = WholesaleValuation.ForOffer(arv, repairs, fee);
            var exact = arv * 0.70m - repairs - fee;
            return o.MaximumAllowableOffer == Math.Max(0m, Math.Floor(exact))
                && o.MaximumAllowableOffer == decimal.Truncate(o.MaximumAllowableOffer)
                && o.Margin == arv - repairs - o.MaximumAllowableOffer
                && o.MaximumAllowableOffer <= WholesaleValuation.Calculate(arv, repairs).WholesalePrice;
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => WholesaleValuation.ForOffer(100m, 0m, -1m));
    }

    [Fact]
    public void A_deal_comes_only_from_an_accepted_offer_once_per_property()
    {
        Assert.NotNull(DealRules.CanCreate(new Offer { Status = OfferStatus.Sent }, null));
        Assert.Null(DealRules.CanCreate(new Offer { Status = OfferStatus.Accepted }, null));
        Assert.NotNull(DealRules.CanCreate(new Offer { Status = OfferStatus.Accepted }, new Deal { Status = DealStatus.UnderContract }));
        Assert.Null(DealRules.CanCreate(new Offer { Status = OfferStatus.Accepted }, new Deal { Status = DealStatus.Cancelled }));
    }

    [Fact]
    public void Closing_a_deal_needs_the_date_and_revenue_and_closed_deals_stay_closed()
    {
        var contract = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var resale = new Deal { ContractDate = contract, ExitStrategy = ExitStrategy.Resale };
        Assert.Equal(["actualClosingDate", "revenue"], DealRules.CheckChange(resale, DealStatus.Closed, null, null).Keys.Order());
        Assert.Empty(DealRules.CheckChange(resale, DealStatus.Closed, contract.AddDays(20), 30_000m));
        Assert.Contains("actualClosingDate", DealRules.CheckChange(resale, DealStatus.Closed, contract.AddDays(-1), 30_000m).Keys);

        var assignment = new Deal { ContractDate = contract, ExitStrategy = ExitStrategy.Assignment, AssignmentFee = 12_000m };
        Assert.Empty(DealRules.CheckChange(assignment, DealStatus.Closed, contract.AddDays(20), null));
        Assert.Equal(12_000m, DealRules.RevenueAtClose(assignment, null));

        Assert.False(DealRules.CanMove(DealStatus.Closed, DealStatus.Cancelled));
        Assert.False(DealRules.CanMove(DealStatus.Cancelled, DealStatus.UnderContract));
    }

    [Fact]
    public void Task_status_moves_and_overdue_and_reminder_rules()
    {
        Assert.True(TaskRules.CanMove(LeadTaskStatus.Open, LeadTaskStatus.Done));
        Assert.True(TaskRules.CanMove(LeadTaskStatus.Done, LeadTaskStatus.Open));
        Assert.False(TaskRules.CanMove(LeadTaskStatus.Done, LeadTaskStatus.Cancelled));
        var now = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);
        var task = new LeadTask { DueAt = now.UtcDateTime.AddMinutes(-1), OwnerId = "65f000000000000000000001" };
        Assert.True(TaskRules.IsOverdue(task, now));
        Assert.True(TaskRules.NeedsReminder(task, now));
        task.RemindedAt = now.UtcDateTime;
        Assert.False(TaskRules.NeedsReminder(task, now));
        task.Status = LeadTaskStatus.Done;
        Assert.False(TaskRules.IsOverdue(task, now));
    }
}
