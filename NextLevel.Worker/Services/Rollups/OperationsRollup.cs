using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
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

        var recent = await _calls.Find(c => c.InitiatedAt >= now.UtcDateTime.AddDays(-30) && c.Type == CallType.Automated)
            .Project(c => new { c.Status, c.AnsweredAt, c.Duration, c.Outcome, Cost = c.Cost == null ? (decimal?)null : c.Cost.TotalCost })
            .ToListAsync(cancellationToken);
        var answered = recent.Where(c => c.AnsweredAt is not null || c.Status is CallStatus.Answered || (c.Status is CallStatus.Completed && c.Outcome != CallOutcome.Voicemail)).ToList();
        var abandoned = answered.Count(c => c.Duration is { } d && d <= options.Value.AbandonedSeconds);
        var rate = answered.Count == 0 ? 0 : (double)abandoned / answered.Count;

        var (imports, _) = await settings.GetAsync(ComplianceSettings.DncImports, cancellationToken);
        double? age = imports.National is { } national ? Math.Round((now.UtcDateTime - DateTime.SpecifyKind(national.ImportedAt, DateTimeKind.Utc)).TotalDays, 2) : null;

        gauges.StepsDue = due;
        gauges.AbandonedCallRate = rate;
        gauges.DaysSinceNationalDncImport = age ?? double.NaN;

        await UpdateAgentAsync(now, cancellationToken);
        return new OperationsSnapshot(due, rate, age);
    }

    private async Task UpdateAgentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await _calls.Find(c => c.Type == CallType.Automated)
            .Project(c => new { c.Status, c.Outcome, Cost = c.Cost == null ? (decimal?)null : c.Cost.TotalCost })
            .ToListAsync(cancellationToken);
        var total = all.Count;
        var successful = all.Count(c => c.Status is CallStatus.Answered or CallStatus.Completed && c.Outcome != CallOutcome.Voicemail);
        var failed = all.Count(c => c.Status is CallStatus.Failed);
        var update = Builders<AgentState>.Update
            .Set(a => a.Metrics.TotalRequests, total)
            .Set(a => a.Metrics.SuccessfulRequests, successful)
            .Set(a => a.Metrics.FailedRequests, failed)
            .Set(a => a.Metrics.TotalCost, all.Sum(c => c.Cost ?? 0m))
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
