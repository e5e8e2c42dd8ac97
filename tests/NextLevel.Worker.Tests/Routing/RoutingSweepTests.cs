using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Services.Routing;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Routing;

/// <summary>The routing loop with a fake clock: claim windows expire to the next closer, then the pool, and the
/// campaign manager is e-mailed once, even with two Workers.</summary>
public sealed class RoutingSweepTests(EmbeddedDatabase mongo) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private sealed class Mailbox : IEmailChannel
    {
        public ConcurrentQueue<EmailRequest> Sent { get; } = new();

        public bool Fail { get; set; }

        public Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken)
        {
            if (Fail) throw new IOException("SMTP down");
            Sent.Enqueue(request);
            return Task.FromResult(new MessageReceipt("<id@test>", "sent"));
        }
    }

    private sealed record World(IMongoDatabase Database, FakeTimeProvider Clock, LeadRouter Router, Mailbox Mail, Lead Lead, ObjectId[] Closers, ObjectId Manager)
    {
        public RoutingSweep NewSweep() =>
            new(Database, new LeadRouter(Database, new RoutingTeams(Database), Clock), new RoutingTeams(Database), Mail,
                Options.Create(new RoutingOptions { WebBaseUrl = "https://office.example.test" }), Clock, NullLogger<RoutingSweep>.Instance);

        public async Task<LeadRouting> RoutingAsync() =>
            (await Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == Lead.Id).FirstAsync()).Routing!;
    }

    private async Task<World> ArrangeAsync(int closers, int maxOffers)
    {
        var database = await mongo.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var accounts = database.GetCollection<CloserAccount>(CloserAccount.CollectionName);
        var ids = new List<ObjectId>();
        for (var i = 0; i < closers; i++)
        {
            var account = new CloserAccount
            {
                Id = ObjectId.GenerateNewId(), DisplayName = "Closer " + i, Email = $"closer{i}@example.test", Roles = ["closer"],
                Closer = new CloserProfile { TimeZone = "UTC", Shift = new CloserShift { Days = ["mon"], Start = "00:00", End = "00:00" } },
            };
            await accounts.InsertOneAsync(account);
            ids.Add(account.Id);
        }
        var manager = new CloserAccount { Id = ObjectId.GenerateNewId(), DisplayName = "Morgan", Email = "morgan@example.test", Roles = ["campaign_manager"] };
        await accounts.InsertOneAsync(manager);
        var campaign = new Campaign
        {
            Id = ObjectId.GenerateNewId(), Name = "Routing test", Type = CampaignType.Wholesale, Status = CampaignStatus.Active,
            Routing = new CampaignRouting { ClaimWindowSeconds = 300, MaxOffers = maxOffers },
            AssignedTo = [.. ids.Select(id => new TeamAssignment { UserId = id, Role = TeamRole.Closer }), new TeamAssignment { UserId = manager.Id, Role = TeamRole.CampaignManager }],
            CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime,
        };
        await database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        var lead = new Lead
        {
            Id = ObjectId.GenerateNewId(), Source = LeadSource.Zillow, ExternalId = "z-1", ReceivedAt = Now.UtcDateTime,
            Contact = new LeadContact { FirstName = "Pat", Phone = "+15555550100" }, CampaignId = campaign.Id, CampaignName = campaign.Name,
            Status = LeadStatus.Qualified, Stage = LeadStage.Qualified, CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime,
        };
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(lead);
        var router = new LeadRouter(database, new RoutingTeams(database), clock);
        await router.RequestAsync(lead.Id, "the AI call qualified the lead", null, default);
        return new World(database, clock, router, new Mailbox(), lead, [.. ids.Order()], manager.Id);
    }

    [Fact]
    public async Task Nothing_moves_before_the_window_passes()
    {
        var world = await ArrangeAsync(closers: 2, maxOffers: 2);
        world.Clock.Advance(TimeSpan.FromSeconds(299));
        var result = await world.NewSweep().RunAsync(default);
        Assert.Equal(0, result.Expired);
        Assert.Equal(world.Closers[0], (await world.RoutingAsync()).OfferedTo);
    }

    [Fact]
    public async Task An_unclaimed_lead_moves_to_the_next_closer_then_the_pool_and_the_manager_is_emailed_once()
    {
        var world = await ArrangeAsync(closers: 2, maxOffers: 2);
        var sweep = world.NewSweep();

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new RoutingSweepResult(1, 1, 0, 0), await sweep.RunAsync(default));
        var second = await world.RoutingAsync();
        Assert.Equal(world.Closers[1], second.OfferedTo);
        Assert.Equal(Now.UtcDateTime.AddMinutes(10), second.ClaimDeadline);

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new RoutingSweepResult(1, 0, 1, 1), await sweep.RunAsync(default));
        Assert.Equal(new RoutingSweepResult(0, 0, 0, 0), await sweep.RunAsync(default));

        var mail = Assert.Single(world.Mail.Sent);
        Assert.Equal("morgan@example.test", mail.To);
        Assert.Equal(world.Lead.Id.ToString(), mail.LeadId);
        Assert.Contains($"https://office.example.test/leads/{world.Lead.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat", mail.TextBody, StringComparison.Ordinal);
        var routing = await world.RoutingAsync();
        Assert.Equal(LeadRoutingState.Pool, routing.State);
        Assert.False(routing.ManagerAlertPending);
        Assert.Equal(RoutingAction.ManagerAlerted, routing.History[^1].Action);
        Assert.Equal("e-mailed Morgan: the lead is waiting in the pool", routing.History[^1].Reason);
    }

    [Fact]
    public async Task Two_workers_sweeping_at_once_take_each_step_once()
    {
        var world = await ArrangeAsync(closers: 1, maxOffers: 1);
        world.Clock.Advance(TimeSpan.FromMinutes(5));

        var results = await Task.WhenAll(Task.Run(() => world.NewSweep().RunAsync(default)), Task.Run(() => world.NewSweep().RunAsync(default)));

        Assert.Equal(1, results.Sum(r => r.Expired));
        Assert.Single(world.Mail.Sent);
        var routing = await world.RoutingAsync();
        Assert.Single(routing.History, h => h.Action == RoutingAction.Pooled);
        Assert.Single(routing.History, h => h.Action == RoutingAction.ManagerAlerted);
    }

    [Fact]
    public async Task A_failed_alert_email_is_retried_on_the_next_round()
    {
        var world = await ArrangeAsync(closers: 1, maxOffers: 1);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        world.Mail.Fail = true;
        var sweep = world.NewSweep();
        Assert.Equal(0, (await sweep.RunAsync(default)).Alerted);
        Assert.True((await world.RoutingAsync()).ManagerAlertPending);

        world.Mail.Fail = false;
        Assert.Equal(1, (await sweep.RunAsync(default)).Alerted);
        Assert.Single(world.Mail.Sent);
    }
}
