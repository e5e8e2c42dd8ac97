using System.Threading.Channels;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Demo;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Knowledge;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Seeding;

public sealed record SeedOptions(int Leads, int Seed, DateTime Now);

public sealed record SeedSummary(IReadOnlyDictionary<string, long> DocumentsPerCollection, TimeSpan Elapsed)
{
    /// <summary>The password of the demo staff accounts created by this run (docs/closers.md); null when they all existed.</summary>
    public string? DemoStaffPassword { get; init; }

    /// <summary>The demo staff accounts' e-mail addresses.</summary>
    public IReadOnlyList<string> DemoStaffEmails { get; init; } = [];
}

/// <summary>
/// Fills an empty database with demo data: generation runs on one task while the previous slice is written,
/// each slice as unordered insertMany batches per collection. Refuses a database that already holds data,
/// so it can never mix demo records into real ones.
/// </summary>
public sealed class DemoDataSeeder(IMongoDatabase database)
{
    private const int LeadsPerSlice = 1_000;

    public async Task<SeedSummary> RunAsync(SeedOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Leads);
        DomainMongoMappings.Register();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await new CatalogueMigrator(database).ApplyAsync(cancellationToken);
        await EnsureEmptyAsync(cancellationToken);

        var generator = new DemoDataGenerator(options.Seed, options.Now);
        var counts = new Dictionary<string, long>();
        await UpsertAgentsAsync(DemoReferenceData.Agents(generator, options.Now), counts, cancellationToken);
        await InsertAsync(CollectionNames.KnowledgeBase, DemoReferenceData.Knowledge(generator, options.Now), counts, cancellationToken);
        await AddMissingSettingsAsync(DemoReferenceData.Settings(generator, options.Now), counts, cancellationToken);

        var metrics = generator.Campaigns.ToDictionary(c => c.Id, _ => new CampaignTally());
        var slices = Channel.CreateBounded<SeedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var first = 0; first < options.Leads; first += LeadsPerSlice)
                {
                    var batch = generator.GenerateBatch(first, Math.Min(LeadsPerSlice, options.Leads - first));
                    foreach (var lead in batch.Leads) metrics[lead.CampaignId!.Value].Add(lead, batch);
                    await slices.Writer.WriteAsync(batch, cancellationToken);
                }
                slices.Writer.Complete();
            }
            catch (Exception ex)
            {
                slices.Writer.Complete(ex);
            }
        }, cancellationToken);

        long written = 0;
        await foreach (var batch in slices.Reader.ReadAllAsync(cancellationToken))
        {
            await Task.WhenAll(
                InsertAsync(CollectionNames.Leads, batch.Leads, counts, cancellationToken),
                InsertAsync(CollectionNames.Contacts, batch.Contacts, counts, cancellationToken),
                InsertAsync(CollectionNames.Properties, batch.Properties, counts, cancellationToken),
                InsertAsync(CollectionNames.Calls, batch.Calls, counts, cancellationToken),
                InsertAsync(CollectionNames.CallTranscripts, batch.Transcripts, counts, cancellationToken),
                InsertAsync(CollectionNames.ConsentLogs, batch.ConsentLogs, counts, cancellationToken),
                InsertAsync(CollectionNames.DncRegistry, batch.DncEntries, counts, cancellationToken),
                InsertAsync(CollectionNames.AnalyticsEvents, batch.Events, counts, cancellationToken));
            written += batch.Leads.Count;
            progress?.Report(written);
        }
        await producer;

        foreach (var campaign in generator.Campaigns) metrics[campaign.Id].ApplyTo(campaign);
        var demoPassword = await AssignDemoTeamAsync(generator.Campaigns, cancellationToken);
        await InsertAsync(CollectionNames.Campaigns, generator.Campaigns, counts, cancellationToken);
        return new SeedSummary(counts, clock.Elapsed) { DemoStaffPassword = demoPassword, DemoStaffEmails = DemoClosers.Emails };
    }

    /// <summary>Open campaigns get the demo closers (shifts covering 24 hours) and default routing rules (issue 10).</summary>
    private async Task<string?> AssignDemoTeamAsync(IEnumerable<Campaign> campaigns, CancellationToken cancellationToken)
    {
        var users = database.GetCollection<BsonDocument>(Identity.StaffUserStore.CollectionName);
        var existing = await users.CountDocumentsAsync(new BsonDocument("email", new BsonDocument("$in", new BsonArray(DemoClosers.Emails))), cancellationToken: cancellationToken);
        var password = DemoClosers.NewPassword();
        var team = await DemoClosers.EnsureTeamAsync(database, password, cancellationToken);
        foreach (var campaign in campaigns.Where(c => c.Status != CampaignStatus.Completed))
        {
            campaign.AssignedTo = [.. team];
            campaign.Routing = new Domain.Closers.Routing.CampaignRouting();
        }
        return existing == DemoClosers.Emails.Count ? null : password;
    }

    /// <summary>Collections the running services maintain themselves (agent metrics, settings): they do not make a database "used".</summary>
    private static readonly string[] ServiceMaintained = [CollectionNames.AgentState, CollectionNames.SystemConfig];

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in CollectionCatalogue.All.Where(c => !ServiceMaintained.Contains(c.Name)))
        {
            // The demo national DNC copy a local Api imports at start is service-maintained too.
            var filter = definition.Name == CollectionNames.DncRegistry
                ? Builders<BsonDocument>.Filter.Ne("addedBy", DemoNationalDncList.ImportedBy)
                : FilterDefinition<BsonDocument>.Empty;
            var any = await database.GetCollection<BsonDocument>(definition.Name).Find(filter).Limit(1).AnyAsync(cancellationToken);
            if (any)
                throw new InvalidOperationException($"The database '{database.DatabaseNamespace.DatabaseName}' already has data ({definition.Name} is not empty). Seed into a new database: set ConnectionStrings__mongodb to a URL ending in another database name.");
        }
    }

    /// <summary>The demo agents replace the documents a running Worker may already keep for the same agent id.</summary>
    private async Task UpsertAgentsAsync(IReadOnlyList<AgentState> agents, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<AgentState>(CollectionNames.AgentState);
        foreach (var agent in agents)
        {
            var existing = await collection.Find(a => a.AgentType == agent.AgentType && a.AgentId == agent.AgentId).Project(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing != default) agent.Id = existing;
            await collection.ReplaceOneAsync(a => a.Id == agent.Id, agent, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        counts[CollectionNames.AgentState] = agents.Count;
    }

    /// <summary>Settings someone already stored are kept; only missing ones get their defaults.</summary>
    private async Task AddMissingSettingsAsync(IReadOnlyList<SystemConfigEntry> settings, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<SystemConfigEntry>(CollectionNames.SystemConfig);
        var stored = (await collection.Find(FilterDefinition<SystemConfigEntry>.Empty).Project(e => e.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await InsertAsync(CollectionNames.SystemConfig, settings.Where(s => !stored.Contains(s.Key)).ToList(), counts, cancellationToken);
    }

    private async Task InsertAsync<T>(string collectionName, IReadOnlyCollection<T> documents, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        await database.GetCollection<T>(collectionName).InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        lock (counts) counts[collectionName] = counts.GetValueOrDefault(collectionName) + documents.Count;
    }

    /// <summary>Campaign metrics computed from the generated leads and calls, so dashboards and campaign documents agree.</summary>
    private sealed class CampaignTally
    {
        private int _leads, _contacted, _conversations, _qualified, _siteVisits, _offers, _deals;
        private double _scoreSum, _sentimentSum, _durationSum;
        private int _sentimentCount;
        private decimal _cost, _revenue;

        public void Add(Lead lead, SeedBatch batch)
        {
            _leads++;
            _scoreSum += lead.Qualification?.Score ?? 0;
            if (lead.ContactAttempts.Count > 0) _contacted++;
            if (lead.Qualification?.Qualified == true) _qualified++;
            if (lead.Stage is LeadStage.SiteVisit or LeadStage.OfferMade or LeadStage.Negotiation or LeadStage.Closed) _siteVisits++;
            if (lead.Stage is LeadStage.OfferMade or LeadStage.Negotiation or LeadStage.Closed) _offers++;
            if (lead.Stage == LeadStage.Closed) { _deals++; _revenue += 10_000m + Math.Round((lead.Qualification?.EstimatedValue ?? 0) * 0.03m); }
            foreach (var attempt in lead.ContactAttempts)
            {
                var call = batch.Calls.Find(c => c.Id == attempt.CallId);
                if (call is null) continue;
                _cost += call.Cost?.TotalCost ?? 0;
                if (call.Sentiment is null) continue;
                _conversations++;
                _sentimentSum += call.Sentiment.Overall;
                _durationSum += call.Duration ?? 0;
                _sentimentCount++;
            }
        }

        public void ApplyTo(Campaign campaign)
        {
            campaign.Metrics = new CampaignMetrics
            {
                LeadsReceived = _leads,
                LeadsContacted = _contacted,
                ConversationsCompleted = _conversations,
                Qualified = _qualified,
                SiteVisits = _siteVisits,
                OffersExtended = _offers,
                DealsClosed = _deals,
                AvgQualificationScore = _leads == 0 ? 0 : Math.Round(_scoreSum / _leads, 2),
                AvgSentiment = _sentimentCount == 0 ? 0 : Math.Round(_sentimentSum / _sentimentCount, 2),
                AvgCallDuration = _sentimentCount == 0 ? 0 : Math.Round(_durationSum / _sentimentCount),
                ConversionRate = _leads == 0 ? 0 : Math.Round((double)_deals / _leads, 3),
                CostPerLead = _leads == 0 ? 0 : Math.Round(_cost / _leads, 2),
                CostPerDeal = _deals == 0 ? 0 : Math.Round(_cost / _deals, 2),
                TotalRevenue = _revenue,
                TotalCost = Math.Round(_cost, 2),
                Roi = _cost == 0 ? 0 : Math.Round((double)((_revenue - _cost) / _cost), 1),
            };
            campaign.Budget.Spent = Math.Min(campaign.Budget.TotalBudget, Math.Round(_cost, 2));
        }
    }
}
