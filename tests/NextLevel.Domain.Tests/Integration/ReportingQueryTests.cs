using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;
using NextLevel.Domain.Reporting;

namespace NextLevel.Domain.Tests.Integration;

public class ReportingQueryTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private static readonly DateTime From = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Campaign_performance_matches_figures_computed_in_the_test()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var campaign = ObjectId.GenerateNewId();
        var random = new Random(3);
        CallOutcome?[] outcomes = [CallOutcome.Qualified, CallOutcome.NotInterested, CallOutcome.Voicemail, CallOutcome.Callback, null];
        var calls = Enumerable.Range(0, 300).Select(i => new Call
        {
            CallSid = $"CA{i:D10}",
            LeadId = ObjectId.GenerateNewId(),
            ContactPhone = "+15551230000",
            CampaignId = i % 10 == 0 ? ObjectId.GenerateNewId() : campaign,
            InitiatedAt = From.AddDays(random.Next(-20, 40)),
            Outcome = outcomes[random.Next(outcomes.Length)],
            Duration = random.Next(0, 900),
            Sentiment = random.Next(4) == 0 ? null : new CallSentiment { Overall = Math.Round(random.NextDouble() * 2 - 1, 2) },
            Cost = CallCost.Of(random.Next(1, 10), 0.013m, random.Next(0, 3000), 0.00018m),
        }).ToList();
        await database.GetCollection<Call>(CollectionNames.Calls).InsertManyAsync(calls);

        var rows = await new CampaignPerformanceQuery(database).ByOutcomeAsync(campaign, From);

        var expected = calls.Where(c => c.CampaignId == campaign && c.InitiatedAt >= From)
            .GroupBy(c => c.Outcome)
            .Select(g => new
            {
                Outcome = g.Key is null ? null : StoredEnum.Name(g.Key.Value),
                Count = g.Count(),
                AvgDuration = g.Average(c => c.Duration!.Value),
                AvgSentiment = g.Where(c => c.Sentiment is not null).Select(c => c.Sentiment!.Overall).DefaultIfEmpty(double.NaN).Average(),
                TotalCost = g.Sum(c => c.Cost!.TotalCost),
            })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Outcome, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(e => (e.Outcome, e.Count)), rows.Select(r => (r.Outcome, r.Count)));
        foreach (var (e, r) in expected.Zip(rows))
        {
            Assert.Equal(e.AvgDuration, r.AvgDuration!.Value, precision: 6);
            if (double.IsNaN(e.AvgSentiment)) Assert.Null(r.AvgSentiment);
            else Assert.Equal(e.AvgSentiment, r.AvgSentiment!.Value, precision: 6);
            Assert.Equal(e.TotalCost, r.TotalCost);
        }
    }

    [Fact]
    public async Task Lead_funnel_matches_figures_computed_in_the_test_and_filters_by_source()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var random = new Random(5);
        var leads = Enumerable.Range(0, 400).Select(i => new Lead
        {
            Source = (LeadSource)(1 + i % 3),
            ExternalId = $"X-{i}",
            ReceivedAt = From.AddDays(random.Next(-10, 30)),
            Status = (LeadStatus)(1 + random.Next(7)),
            Qualification = i % 7 == 0 ? null : new LeadQualification { Score = Math.Round(random.NextDouble(), 2) },
            CreatedAt = From,
        }).ToList();
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertManyAsync(leads);

        var all = await new LeadFunnelQuery(database).ByStatusAsync(new FunnelFilter(From));
        var zillow = await new LeadFunnelQuery(database).ByStatusAsync(new FunnelFilter(From, Source: LeadSource.Zillow));

        AssertFunnel(leads.Where(l => l.ReceivedAt >= From), all);
        AssertFunnel(leads.Where(l => l.ReceivedAt >= From && l.Source == LeadSource.Zillow), zillow);
    }

    private static void AssertFunnel(IEnumerable<Lead> leads, IReadOnlyList<FunnelStep> steps)
    {
        var expected = leads.GroupBy(l => l.Status).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => (g.Key, g.Count())), steps.Select(s => (s.Status, s.Count)));
        foreach (var (group, step) in expected.Zip(steps))
        {
            var scores = group.Where(l => l.Qualification is not null).Select(l => l.Qualification!.Score).ToList();
            if (scores.Count == 0) Assert.Null(step.AvgScore);
            else Assert.Equal(Math.Round(scores.Average(), 2, MidpointRounding.ToEven), step.AvgScore!.Value, precision: 9);
        }
    }
}
