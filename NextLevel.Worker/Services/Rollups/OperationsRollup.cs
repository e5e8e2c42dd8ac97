using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Reporting;
using NextLevel.Worker.Telemetry;

namespace NextLevel.Worker.Services.Rollups;

/// <summary>The operational figures the Worker watches, as last computed.</summary>
public sealed record OperationsSnapshot(long StepsDue, double AbandonedCallRate, double? DaysSinceNationalDncImport);

/// <summary>
/// Recomputes the AI calling agent's metrics in agent_state (requests = automated calls placed, successful =
/// answered by a person, failed = failed calls, total cost) and the gauges: steps due, abandoned-call rate over
/// 30 days (limit 3%) and the age of the national DNC copy (limit 31 days).
/// </summary>
public sealed class OperationsRollup(IMongoDatabase database, SystemConfigStore settings, IOptions<RollupOptions> options, WorkerGauges gauges, TimeProvider time)
{
    private static readonly LeadStatus[] Active = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Nurturing];

    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<AgentState> _agents = database.GetCollection<AgentState>(CollectionNames.AgentState);

    public async Task<OperationsSnapshot> RecomputeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await _leads.CountDocumentsAsync(Builders<Lead>.Filter.In(l => l.Status, Active) & Builders<Lead>.Filter.Lte(l => l.NextFollowUp, now.UtcDateTime), cancellationToken: cancellationToken);

        var (answered, abandoned) = await AbandonmentAsync(now.UtcDateTime.AddDays(-30), cancellationToken);
        var rate = answered == 0 ? 0 : (double)abandoned / answered;

        var (imports, _) = await settings.GetAsync(ComplianceSettings.DncImports, cancellationToken);
        double? age = imports.National is { } national ? Math.Round((now.UtcDateTime - DateTime.SpecifyKind(national.ImportedAt, DateTimeKind.Utc)).TotalDays, 2) : null;

        gauges.StepsDue = due;
        gauges.AbandonedCallRate = rate;
        gauges.DaysSinceNationalDncImport = age ?? double.NaN;

        await UpdateAgentAsync(now, cancellationToken);
        return new OperationsSnapshot(due, rate, age);
    }

    private static BsonDocument StatusIs(CallStatus status) => new("$eq", new BsonArray { "$status", StoredEnum.Name(status) });

    private static BsonDocument NotVoicemail => new("$ne", new BsonArray { "$outcome", StoredEnum.Name(CallOutcome.Voicemail) });

    /// <summary>
    /// Automated calls since <paramref name="since"/> that a person answered (answeredAt set, status answered, or
    /// completed other than by voicemail), and those of them that ended within the abandonment limit: one $group on
    /// the server, the calls are not read here.
    /// </summary>
    private async Task<(int Answered, int Abandoned)> AbandonmentAsync(DateTime since, CancellationToken cancellationToken)
    {
        var answered = new BsonDocument("$or", new BsonArray
        {
            new BsonDocument("$gt", new BsonArray { "$answeredAt", BsonNull.Value }),
            StatusIs(CallStatus.Answered),
            new BsonDocument("$and", new BsonArray { StatusIs(CallStatus.Completed), NotVoicemail }),
        });
        var quick = new BsonDocument("$and", new BsonArray
        {
            answered,
            new BsonDocument("$isNumber", "$duration"),
            new BsonDocument("$lte", new BsonArray { "$duration", options.Value.AbandonedSeconds }),
        });
        var row = await Totals(new BsonDocument { { "initiatedAt", new BsonDocument("$gte", since) }, { "type", StoredEnum.Name(CallType.Automated) } },
            new BsonDocument { { "answered", GroupTotals.CountIf(answered) }, { "abandoned", GroupTotals.CountIf(quick) } }, cancellationToken);
        return row is null ? (0, 0) : (row["answered"].ToInt32(), row["abandoned"].ToInt32());
    }

    /// <summary>The AI agent's lifetime figures over every automated call, in one $group on the server.</summary>
    private async Task<(int Total, int Successful, int Failed, decimal Cost)> AgentTotalsAsync(CancellationToken cancellationToken)
    {
        var successful = new BsonDocument("$and", new BsonArray
        {
            new BsonDocument("$in", new BsonArray { "$status", new BsonArray { StoredEnum.Name(CallStatus.Answered), StoredEnum.Name(CallStatus.Completed) } }),
            NotVoicemail,
        });
        var row = await Totals(new BsonDocument("type", StoredEnum.Name(CallType.Automated)), new BsonDocument
        {
            { "total", new BsonDocument("$sum", 1) },
            { "successful", GroupTotals.CountIf(successful) },
            { "failed", GroupTotals.CountIf(StatusIs(CallStatus.Failed)) },
            { "cost", new BsonDocument("$sum", "$cost.totalCost") },
        }, cancellationToken);
        return row is null ? (0, 0, 0, 0m) : (row["total"].ToInt32(), row["successful"].ToInt32(), row["failed"].ToInt32(), row["cost"].ToDecimal());
    }

    private Task<BsonDocument?> Totals(BsonDocument match, BsonDocument accumulators, CancellationToken cancellationToken) =>
        GroupTotals.RowAsync(_calls.Database.GetCollection<BsonDocument>(CollectionNames.Calls), match, accumulators, cancellationToken);

    private async Task UpdateAgentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (total, successful, failed, cost) = await AgentTotalsAsync(cancellationToken);
        var update = Builders<AgentState>.Update
            .Set(a => a.Metrics.TotalRequests, total)
            .Set(a => a.Metrics.SuccessfulRequests, successful)
            .Set(a => a.Metrics.FailedRequests, failed)
            .Set(a => a.Metrics.TotalCost, cost)
            .Set(a => a.UpdatedAt, now.UtcDateTime)
            .SetOnInsert(a => a.AgentType, AgentType.ConversationAi)
            .SetOnInsert(a => a.AgentId, options.Value.AgentId);
        try
        {
            await _agents.UpdateOneAsync(a => a.AgentType == AgentType.ConversationAi && a.AgentId == options.Value.AgentId, update, new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // Another worker inserted it at the same moment; its figures are the same.
        }
    }
}
