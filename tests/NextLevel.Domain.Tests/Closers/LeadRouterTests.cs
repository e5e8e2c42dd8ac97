using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Tests.Integration;

namespace NextLevel.Domain.Tests.Closers;

/// <summary>Requests, claims, releases and claim-window expiry through the real driver against the embedded engine.</summary>
public sealed class LeadRouterTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private RoutingTestData NewData() => new(mongo.NewDatabase(), new FakeTimeProvider(RoutingTestData.Now));

    [Fact]
    public async Task A_request_offers_the_lead_to_an_on_shift_closer_with_the_reason_and_a_five_minute_window()
    {
        var data = NewData();
        var dana = await data.AddUserAsync("Dana", "closer", RoutingTestData.AllDay(cap: 20));
        var campaign = await data.AddCampaignAsync([dana]);
        var lead = await data.AddLeadAsync(campaign);

        var outcome = await data.Router.RequestAsync(lead.Id, "the AI call qualified the lead", null, default);

        Assert.Equal(RoutingOutcomeKind.Done, outcome.Kind);
        var routing = await data.RoutingOfAsync(lead.Id);
        Assert.Equal(LeadRoutingState.Offered, routing.State);
        Assert.Equal(dana, routing.OfferedTo);
        Assert.Equal(RoutingTestData.Now.UtcDateTime.AddMinutes(5), routing.ClaimDeadline);
        Assert.Equal([RoutingAction.Requested, RoutingAction.Offered], routing.History.Select(h => h.Action));
        Assert.Equal("the AI call qualified the lead", routing.History[0].Reason);
        Assert.Equal("offered to Dana: next in rotation, on shift, 0 of 20 open; claim within 5 min", routing.History[1].Reason);
        var stored = await data.Campaigns.Find(c => c.Id == campaign.Id).FirstAsync();
        Assert.Equal(1, stored.Routing!.RotationCursor);
    }

    [Fact]
    public async Task Open_leads_count_against_the_cap_and_a_closer_at_cap_is_skipped_with_the_reason()
    {
        var data = NewData();
        var ids = new[] { await data.AddUserAsync("Ann", "closer", RoutingTestData.AllDay(cap: 1)), await data.AddUserAsync("Bob", "closer", RoutingTestData.AllDay(cap: 1)) }.Order().ToArray();
        var campaign = await data.AddCampaignAsync(ids);
        var first = await data.AddLeadAsync(campaign);
        var second = await data.AddLeadAsync(campaign);
        var third = await data.AddLeadAsync(campaign);

        await data.Router.RequestAsync(first.Id, "x", null, default);
        await data.Router.RequestAsync(second.Id, "x", null, default);
        await data.Router.RequestAsync(third.Id, "x", null, default);

        Assert.Equal(ids[0], (await data.RoutingOfAsync(first.Id)).OfferedTo);
        Assert.Equal(ids[1], (await data.RoutingOfAsync(second.Id)).OfferedTo);
        var pooled = await data.RoutingOfAsync(third.Id);
        Assert.Equal(LeadRoutingState.Pool, pooled.State);
        Assert.True(pooled.ManagerAlertPending);
        Assert.Contains("at cap, 1 of 1 open", pooled.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_on_a_pooled_lead_exactly_one_wins()
    {
        var data = NewData();
        var closers = new List<ObjectId>();
        for (var i = 0; i < 8; i++) closers.Add(await data.AddUserAsync("Closer" + i, "closer", RoutingTestData.AllDay(cap: 0)));
        var campaign = await data.AddCampaignAsync(closers);
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "x", null, default);
        Assert.Equal(LeadRoutingState.Pool, (await data.RoutingOfAsync(lead.Id)).State);

        using var start = new SemaphoreSlim(0);
        var claims = closers.Select(c => Task.Run(async () => { await start.WaitAsync(); return (c, await data.Router.ClaimAsync(lead.Id, c, false, default)); })).ToList();
        start.Release(closers.Count);
        var results = await Task.WhenAll(claims);

        var winners = results.Where(r => r.Item2.Kind == RoutingOutcomeKind.Done).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.Item2.Kind != RoutingOutcomeKind.Done), r => Assert.Equal(RoutingOutcomeKind.Conflict, r.Item2.Kind));
        var routing = await data.RoutingOfAsync(lead.Id);
        Assert.Equal(winners[0].c, routing.ClaimedBy);
        Assert.Single(routing.History, h => h.Action == RoutingAction.Claimed);
    }

    [Fact]
    public async Task The_offered_closer_and_a_manager_claiming_at_once_get_one_winner()
    {
        var data = NewData();
        var dana = await data.AddUserAsync("Dana", "closer", RoutingTestData.AllDay());
        var manager = await data.AddUserAsync("Morgan", "campaign_manager");
        var campaign = await data.AddCampaignAsync([dana], manager);
        for (var round = 0; round < 10; round++)
        {
            var lead = await data.AddLeadAsync(campaign);
            await data.Router.RequestAsync(lead.Id, "x", null, default);
            var results = await Task.WhenAll(
                Task.Run(() => data.Router.ClaimAsync(lead.Id, dana, false, default)),
                Task.Run(() => data.Router.ClaimAsync(lead.Id, manager, true, default)));
            Assert.Single(results, r => r.Kind == RoutingOutcomeKind.Done);
            Assert.Single(results, r => r.Kind == RoutingOutcomeKind.Conflict && r.Detail == "The lead is already claimed.");
        }
    }

    [Fact]
    public async Task Someone_else_cannot_claim_an_offer_and_nobody_after_the_window()
    {
        var data = NewData();
        var dana = await data.AddUserAsync("Dana", "closer", RoutingTestData.AllDay());
        var luis = await data.AddUserAsync("Luis", "closer", RoutingTestData.AllDay());
        var campaign = await data.AddCampaignAsync([dana, luis]);
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "x", null, default);
        var offered = (await data.RoutingOfAsync(lead.Id)).OfferedTo!.Value;
        var other = offered == dana ? luis : dana;

        Assert.Equal("The lead is offered to someone else.", (await data.Router.ClaimAsync(lead.Id, other, false, default)).Detail);
        data.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("The claim window has passed.", (await data.Router.ClaimAsync(lead.Id, offered, false, default)).Detail);
    }

    [Fact]
    public async Task An_expired_window_moves_to_the_next_closer_then_to_the_pool_after_max_offers()
    {
        var data = NewData();
        var ids = new List<ObjectId>();
        foreach (var name in new[] { "Ann", "Bob", "Cid", "Dee" }) ids.Add(await data.AddUserAsync(name, "closer", RoutingTestData.AllDay()));
        var campaign = await data.AddCampaignAsync(ids, rules: new CampaignRouting { ClaimWindowSeconds = 120, MaxOffers = 3 });
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "x", null, default);

        var offeredTo = new List<ObjectId> { (await data.RoutingOfAsync(lead.Id)).OfferedTo!.Value };
        Assert.Null(await data.Router.ExpireAsync(lead.Id, default)); // the window is still open
        for (var i = 0; i < 2; i++)
        {
            data.Clock.Advance(TimeSpan.FromSeconds(120));
            var after = await data.Router.ExpireAsync(lead.Id, default);
            Assert.Equal(LeadRoutingState.Offered, after!.State);
            offeredTo.Add(after.OfferedTo!.Value);
        }
        Assert.Equal(ids.Order().Take(3), offeredTo);
        data.Clock.Advance(TimeSpan.FromSeconds(120));
        var pooled = await data.Router.ExpireAsync(lead.Id, default);

        Assert.Equal(LeadRoutingState.Pool, pooled!.State);
        Assert.True(pooled.ManagerAlertPending);
        var routing = await data.RoutingOfAsync(lead.Id);
        Assert.Equal(
            [RoutingAction.Requested, RoutingAction.Offered, RoutingAction.Expired, RoutingAction.Offered, RoutingAction.Expired, RoutingAction.Offered, RoutingAction.Expired, RoutingAction.Pooled],
            routing.History.Select(h => h.Action));
        Assert.Equal("Ann did not claim within 2 min", routing.History[2].Reason);
        Assert.Equal("to the campaign's pool: offered to 3 closer(s), none claimed", routing.History[^1].Reason);
    }

    [Fact]
    public async Task Two_instances_expiring_the_same_offer_take_one_step()
    {
        var data = NewData();
        var ids = new List<ObjectId>();
        foreach (var name in new[] { "Ann", "Bob", "Cid" }) ids.Add(await data.AddUserAsync(name, "closer", RoutingTestData.AllDay()));
        var campaign = await data.AddCampaignAsync(ids);
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "x", null, default);
        data.Clock.Advance(TimeSpan.FromMinutes(5));

        var other = new LeadRouter(data.Database, new RoutingTeams(data.Database), data.Clock);
        var results = await Task.WhenAll(Task.Run(() => data.Router.ExpireAsync(lead.Id, default)), Task.Run(() => other.ExpireAsync(lead.Id, default)));

        Assert.Single(results, r => r is not null);
        var routing = await data.RoutingOfAsync(lead.Id);
        Assert.Equal(2, routing.Offers);
        Assert.Single(routing.History, h => h.Action == RoutingAction.Expired);
    }

    [Fact]
    public async Task Release_routes_the_lead_again_to_someone_else()
    {
        var data = NewData();
        var dana = await data.AddUserAsync("Dana", "closer", RoutingTestData.AllDay());
        var luis = await data.AddUserAsync("Luis", "closer", RoutingTestData.AllDay());
        var campaign = await data.AddCampaignAsync([dana, luis]);
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "x", null, default);
        var first = (await data.RoutingOfAsync(lead.Id)).OfferedTo!.Value;
        var second = first == dana ? luis : dana;
        await data.Router.ClaimAsync(lead.Id, first, false, default);

        Assert.Equal(RoutingOutcomeKind.Forbidden, (await data.Router.ReleaseAsync(lead.Id, second, false, default)).Kind);
        var released = await data.Router.ReleaseAsync(lead.Id, first, false, default);

        Assert.Equal(LeadRoutingState.Offered, released.Routing!.State);
        Assert.Equal(second, released.Routing.OfferedTo);
        Assert.Contains(released.Routing.History, h => h.Action == RoutingAction.Released && h.UserId == first);
    }

    [Fact]
    public async Task A_request_on_an_offered_or_claimed_lead_is_only_noted()
    {
        var data = NewData();
        var dana = await data.AddUserAsync("Dana", "closer", RoutingTestData.AllDay());
        var campaign = await data.AddCampaignAsync([dana]);
        var lead = await data.AddLeadAsync(campaign);
        await data.Router.RequestAsync(lead.Id, "first", null, default);
        await data.Router.ClaimAsync(lead.Id, dana, false, default);

        await data.Router.RequestAsync(lead.Id, "the lead replied by SMS", null, default);

        var routing = await data.RoutingOfAsync(lead.Id);
        Assert.Equal(LeadRoutingState.Claimed, routing.State);
        Assert.Equal(dana, routing.ClaimedBy);
        Assert.Equal(RoutingAction.Requested, routing.History[^1].Action);
        Assert.Equal(1, routing.Offers);
    }

    [Fact]
    public async Task A_lead_without_a_campaign_goes_to_the_pool_and_an_unknown_lead_is_not_found()
    {
        var data = NewData();
        var lead = await data.AddLeadAsync(null);
        var outcome = await data.Router.RequestAsync(lead.Id, "x", null, default);
        Assert.Equal(LeadRoutingState.Pool, outcome.Routing!.State);
        Assert.Equal(RoutingOutcomeKind.NotFound, (await data.Router.RequestAsync(ObjectId.GenerateNewId(), "x", null, default)).Kind);
    }
}
