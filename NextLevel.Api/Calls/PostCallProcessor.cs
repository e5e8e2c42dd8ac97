using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Calls;

/// <summary>What became of one post-call delivery.</summary>
public enum PostCallResult
{
    Stored = 1,
    AlreadyStored = 2,
    UnknownCall = 3,
}

/// <summary>
/// Stores one post-call event: transcript, the call's analysis, the lead's contact attempt and status, the agent's
/// decisions, and a spoken revocation. Every step is idempotent on its own (a unique key, or a guard on what it
/// adds), and the call is marked done last, so a delivery retried after a failure completes the work exactly once.
/// </summary>
public sealed class PostCallProcessor(IMongoDatabase database, CallRecordUpdates updates, ConsentRecords consent, RoutingTriggers routing, Closers.CallOutcomeTasks tasks, TimeProvider time, ILogger<PostCallProcessor> logger)
{
    public const string RecordedBy = "elevenlabs_post_call";

    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly IMongoCollection<CallTranscript> _transcripts = database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<AgentState> _agents = database.GetCollection<AgentState>(CollectionNames.AgentState);

    public async Task<PostCallResult> ProcessAsync(PostCallEvent e, decimal elevenLabsRatePerCharacter, CancellationToken cancellationToken)
    {
        var call = await FindCallAsync(e, cancellationToken);
        if (call is null)
        {
            CallsLog.UnknownConversation(logger, e.ConversationId);
            return PostCallResult.UnknownCall;
        }

        if (call.TranscriptId is not null)
        {
            CallsLog.AlreadyProcessed(logger, call.Id.ToString());
            return PostCallResult.AlreadyStored;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var outcome = CallAnalysis.Outcome(e);
        var duration = CallAnalysis.Duration(e);
        var sentiment = CallAnalysis.SentimentScore(e);
        var userTurns = e.Turns.Where(t => t.Speaker == Speaker.User).Select(t => t.Text).ToList();
        var revocation = RevocationLanguage.FindSpokenRevocation(userTurns);

        var transcriptId = await StoreTranscriptAsync(call, e, duration, now, cancellationToken);
        var attemptAdded = await UpdateLeadAsync(call, e, outcome, duration, sentiment, userTurns.Count > 0, now, cancellationToken);
        if (attemptAdded && revocation is null) await RouteToPersonAsync(call.LeadId, outcome, CallAnalysis.SiteVisitAt(e) is not null, cancellationToken);
        if (attemptAdded && revocation is not null)
        {
            await consent.RevokeFromTranscriptAsync(call.LeadId, userTurns, RecordedBy, cancellationToken);
            CallsLog.SpokenRevocation(logger, call.Id.ToString(), call.LeadId.ToString());
        }

        await RecordDecisionsAsync(e, outcome, now, cancellationToken);
        if (revocation is null) await tasks.CreateAsync(call, CallAnalysis.FollowUps(e, outcome), cancellationToken);
        await StoreCallAnalysisAsync(call, e, outcome, sentiment, revocation, transcriptId, duration, now, elevenLabsRatePerCharacter, cancellationToken);
        CallsLog.PostCallStored(logger, call.Id.ToString(), outcome?.ToString() ?? "none", call.LeadId.ToString());
        return PostCallResult.Stored;
    }

    /// <summary>A qualified lead, or one asking for a call-back or a site visit, is offered to a closer (issue 10).</summary>
    private async Task RouteToPersonAsync(ObjectId leadId, CallOutcome? outcome, bool siteVisitAsked, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is not null && lead.Status is not (LeadStatus.Converted or LeadStatus.Dnc or LeadStatus.Lost))
            await routing.AfterCallAsync(lead, outcome, siteVisitAsked, cancellationToken);
    }

    private async Task<Call?> FindCallAsync(PostCallEvent e, CancellationToken cancellationToken)
    {
        var byIds = Builders<Call>.Filter.Eq(c => c.ConversationId, e.ConversationId);
        if (!string.IsNullOrEmpty(e.CallSid)) byIds |= Builders<Call>.Filter.Eq(c => c.CallSid, e.CallSid);
        if (ObjectId.TryParse(e.CallIdVariable, out var callId)) byIds |= Builders<Call>.Filter.Eq(c => c.Id, callId);
        return await _calls.Find(byIds).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<ObjectId> StoreTranscriptAsync(Call call, PostCallEvent e, int duration, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await _transcripts.Find(t => t.CallId == call.Id).Project(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing != ObjectId.Empty) return existing;

        // ElevenLabs publishes no per-turn recognition confidence; confidence 0 means "not reported".
        var messages = e.Turns.Select(t => new TranscriptMessage { Speaker = t.Speaker, Text = t.Text, Timestamp = t.Seconds }).ToList();
        var transcript = CallTranscript.From(call.Id, call.LeadId, messages, duration, now);
        try
        {
            await _transcripts.InsertOneAsync(transcript, cancellationToken: cancellationToken);
            return transcript.Id;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return await _transcripts.Find(t => t.CallId == call.Id).Project(t => t.Id).FirstAsync(cancellationToken);
        }
    }

    /// <returns>True when this delivery added the contact attempt (the first one to get here).</returns>
    private async Task<bool> UpdateLeadAsync(Call call, PostCallEvent e, CallOutcome? outcome, int duration, double? sentiment, bool spoke, DateTime now, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == call.LeadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null || lead.ContactAttempts.Any(a => a.CallId == call.Id)) return false;

        var campaignId = lead.CampaignId ?? call.CampaignId;
        var nurtures = campaignId is { } id
            && await _campaigns.Find(c => c.Id == id).Project(c => c.Workflow.Nurture.Enabled).FirstOrDefaultAsync(cancellationToken);
        var change = LeadOutcomeRules.Apply(lead.Status, lead.Stage, lead.NextFollowUp, outcome, spoke, nurtures, CallAnalysis.CallbackAt(e));
        var attemptAt = e.StartUnixSeconds is { } start ? DateTimeOffset.FromUnixTimeSeconds(start).UtcDateTime : call.InitiatedAt;

        var attempt = new ContactAttempt
        {
            AttemptId = ObjectId.GenerateNewId(),
            Timestamp = attemptAt,
            Type = ContactMethod.AutomatedCall,
            CallId = call.Id,
            Outcome = outcome is { } o ? StoredEnum.Name(o) : spoke ? "answered" : "no_answer",
            Duration = duration,
            Sentiment = sentiment,
        };
        var update = Builders<Lead>.Update
            .Push(l => l.ContactAttempts, attempt)
            .Min(l => l.FirstContactAt, attemptAt)
            .Max(l => l.LastContactedAt, attemptAt)
            .Set(l => l.Status, change.Status)
            .Set(l => l.Stage, change.Stage)
            .Set(l => l.NextFollowUp, change.NextFollowUp)
            .Set(l => l.UpdatedAt, now)
            .Set(l => l.UpdatedBy, RecordedBy);
        var result = await _leads.UpdateOneAsync(
            Builders<Lead>.Filter.Eq(l => l.Id, lead.Id)
                & Builders<Lead>.Filter.Not(Builders<Lead>.Filter.ElemMatch(l => l.ContactAttempts, a => a.CallId == call.Id)),
            update,
            cancellationToken: cancellationToken);
        return result.ModifiedCount > 0;
    }

    /// <summary>The agent's decisions on this conversation, once, with the history capped at the last 100.</summary>
    private async Task RecordDecisionsAsync(PostCallEvent e, CallOutcome? outcome, DateTime now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(e.AgentId)) return;
        var decisions = new List<AgentDecision>
        {
            new()
            {
                Timestamp = now, Decision = "call_outcome", Input = e.ConversationId,
                Output = outcome is { } o ? StoredEnum.Name(o) : "none", Outcome = e.CallSuccessful,
                Reasoning = e.DataCollection.TryGetValue("outcome", out _) ? "data_collection_results.outcome" : "no outcome collected",
            },
        };
        decisions.AddRange(e.Evaluations.Select(c => new AgentDecision
        {
            Timestamp = now, Decision = "evaluation:" + c.CriteriaId, Input = e.ConversationId, Output = c.Result, Reasoning = c.Rationale,
        }));

        var filter = Builders<AgentState>.Filter.Eq(a => a.AgentType, AgentType.ConversationAi)
            & Builders<AgentState>.Filter.Eq(a => a.AgentId, e.AgentId)
            & Builders<AgentState>.Filter.Not(Builders<AgentState>.Filter.ElemMatch(a => a.DecisionHistory, d => d.Input == e.ConversationId));
        var update = Builders<AgentState>.Update
            .PushEach(a => a.DecisionHistory, decisions, slice: -AgentState.DecisionHistoryLimit)
            .Set(a => a.UpdatedAt, now)
            .SetOnInsert(a => a.State, new AgentRuntimeState())
            .SetOnInsert(a => a.Metrics, new AgentMetrics());
        try
        {
            await _agents.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // The agent's document exists and already holds this conversation's decisions: nothing to add.
        }
    }

    private async Task StoreCallAnalysisAsync(Call call, PostCallEvent e, CallOutcome? outcome, double? sentiment, string? revocation,
        ObjectId transcriptId, int duration, DateTime now, decimal ratePerCharacter, CancellationToken cancellationToken)
    {
        var metrics = CallAnalysis.Metrics(e);
        if (e.Turns.Count > 0)
        {
            await updates.AdvanceStatusAsync(call.Id, CallStatus.Completed, now, cancellationToken);
            var started = e.StartUnixSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime : call.InitiatedAt;
            await updates.SetAnsweredAtAsync(call.Id, started, now, cancellationToken);
            await updates.SetEndAsync(call.Id, started.AddSeconds(duration), duration, now, cancellationToken);
        }

        await updates.SetElevenLabsCostAsync(call.Id, CallAnalysis.AgentCharacters(e), ratePerCharacter, now, cancellationToken);

        var update = Builders<Call>.Update
            .Set(c => c.ConversationId, e.ConversationId)
            .Set(c => c.Outcome, outcome)
            .Set(c => c.Disposition, e.CallSuccessful)
            .Set(c => c.ConversationMetrics, metrics)
            .Set(c => c.TalkTime, (int)Math.Round(metrics.AgentTalkTime + metrics.UserTalkTime))
            .Set(c => c.KeyMoments, CallAnalysis.KeyMoments(e, outcome, revocation))
            .Set(c => c.ExtractedInfo, CallAnalysis.Extracted(e))
            .Set(c => c.FollowUpActions, CallAnalysis.FollowUps(e, outcome))
            .Set(c => c.UpdatedAt, now)
            .Set(c => c.UpdatedBy, RecordedBy)
            .Set(c => c.TranscriptId, transcriptId);
        if (sentiment is { } score) update = update.Set(c => c.Sentiment, new CallSentiment { Overall = score });
        if (revocation is not null) update = update.Set(c => c.ComplianceNotes, "The callee asked during the call not to be contacted; consent revoked.");

        await _calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, call.Id) & Builders<Call>.Filter.Eq(c => c.TranscriptId, null),
            update,
            cancellationToken: cancellationToken);
    }
}
