using System.Net;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Integrations;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Calls;

public class ElevenLabsPostCallWebhookTests(CallsFixture api) : IClassFixture<CallsFixture>
{
    private IMongoCollection<AgentState> Agents => api.Database.GetCollection<AgentState>(CollectionNames.AgentState);

    /// <summary>Everything the webhook may write, as stored, for before/after comparisons.</summary>
    private async Task<string> SnapshotAsync(ObjectId leadId, ObjectId callId, string agentId)
    {
        async Task<string> Of(string collection, FilterDefinition<BsonDocument> filter) =>
            string.Join('\n', (await api.Database.GetCollection<BsonDocument>(collection).Find(filter).ToListAsync()).Select(d => d.ToJson()));
        var b = Builders<BsonDocument>.Filter;
        return string.Join("\n--\n",
            await Of(CollectionNames.Leads, b.Eq("_id", leadId)),
            await Of(CollectionNames.Calls, b.Eq("_id", callId)),
            await Of(CollectionNames.CallTranscripts, b.Eq("callId", callId)),
            await Of(CollectionNames.AgentState, b.Eq("agentId", agentId)),
            await Of(CollectionNames.ConsentLogs, b.Eq("leadId", leadId)),
            await Of(CollectionNames.DncRegistry, b.Empty));
    }

    [Fact]
    public async Task A_qualified_call_stores_transcript_analysis_attempt_status_and_decisions()
    {
        var campaign = await api.AddCampaignAsync(nurtures: true);
        var (lead, call) = await api.AddLeadWithCallAsync(campaign);
        var conversationId = "conv_" + call.Id;
        var agentId = "agent_" + call.Id;

        var response = await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription(conversationId, call.CallSid, "qualified", agentId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"stored\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var transcript = await api.Transcripts.Find(t => t.CallId == call.Id).SingleAsync();
        Assert.Equal(lead.Id, transcript.LeadId);
        Assert.Equal(5, transcript.TotalMessages);
        Assert.Equal(3, transcript.AgentMessages);
        Assert.Equal(2, transcript.UserMessages);
        Assert.Equal(60, transcript.Duration);
        Assert.StartsWith("Agent: Hi Jane", transcript.FullTranscript, StringComparison.Ordinal);
        Assert.Contains("User: Thursday at 2pm works for a visit.", transcript.FullTranscript, StringComparison.Ordinal);

        var stored = await api.Calls.Find(c => c.Id == call.Id).SingleAsync();
        Assert.Equal(transcript.Id, stored.TranscriptId);
        Assert.Equal(conversationId, stored.ConversationId);
        Assert.Equal(CallOutcome.Qualified, stored.Outcome);
        Assert.Equal("success", stored.Disposition);
        Assert.Equal(CallStatus.Completed, stored.Status);
        Assert.Equal(60, stored.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772470500).UtcDateTime, stored.AnsweredAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772470560).UtcDateTime, stored.EndedAt);
        Assert.Equal(0.6, stored.Sentiment!.Overall);
        Assert.Equal(5, stored.ConversationMetrics!.TurnCount);
        // Agent 0-6, 14-21, 29-36(end of last turn at 36, then the tool turn is dropped; the last agent turn runs to 60).
        Assert.Equal(60, stored.ConversationMetrics.AgentTalkTime + stored.ConversationMetrics.UserTalkTime + stored.ConversationMetrics.SilenceDuration, 3);
        Assert.Equal(16, stored.ConversationMetrics.UserTalkTime);
        Assert.Equal("needs_work", stored.ExtractedInfo!.PropertyCondition);
        Assert.Equal(["relocation", "time_sensitive"], stored.ExtractedInfo.MotivationFactors);
        Assert.Equal(400000m, stored.ExtractedInfo.PriceExpectation);
        var commitment = Assert.Single(stored.KeyMoments);
        Assert.Equal("commitment", commitment.Type);
        Assert.Equal("Thursday at 2pm works for a visit.", commitment.UserText);
        var agentCharacters = transcript.Messages.Where(m => m.Speaker == Speaker.Agent).Sum(m => m.Text.Length);
        Assert.Equal(agentCharacters, stored.Cost!.ElevenLabsCharacters);
        Assert.Equal(CallCost.Of(0, 0, agentCharacters, 0.0001m).TotalCost, stored.Cost.TotalCost);

        var updated = await api.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.Equal(LeadStatus.Qualified, updated.Status);
        Assert.Equal(LeadStage.Qualified, updated.Stage);
        var attempt = Assert.Single(updated.ContactAttempts);
        Assert.Equal(ContactMethod.AutomatedCall, attempt.Type);
        Assert.Equal(call.Id, attempt.CallId);
        Assert.Equal("qualified", attempt.Outcome);
        Assert.Equal(60, attempt.Duration);
        Assert.Equal(0.6, attempt.Sentiment);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772470500).UtcDateTime, updated.LastContactedAt);
        Assert.Equal(attempt.Timestamp, updated.FirstContactAt); // the computed first contact the Overview's KPIs read

        var agent = await Agents.Find(a => a.AgentId == agentId).SingleAsync();
        Assert.Equal(AgentType.ConversationAi, agent.AgentType);
        Assert.Equal(["call_outcome", "evaluation:identified_business"], agent.DecisionHistory.Select(d => d.Decision));
        Assert.All(agent.DecisionHistory, d => Assert.Equal(conversationId, d.Input));
        Assert.Equal("qualified", agent.DecisionHistory[0].Output);
    }

    [Fact]
    public async Task The_same_delivery_signed_again_changes_nothing()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        var agentId = "agent_" + call.Id;
        var body = PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified", agentId);
        var client = api.CreateClient();
        await client.SendAsync(api.PostCall(body));
        var first = await SnapshotAsync(lead.Id, call.Id, agentId);

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var again = await client.SendAsync(api.PostCall(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already_stored", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(first, await SnapshotAsync(lead.Id, call.Id, agentId));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_conversation_are_stored_once()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        var agentId = "agent_" + call.Id;
        var body = PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "not_interested", agentId,
            userLines: ["Do not call me again."]);
        var now = api.Clock.GetUtcNow();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            api.CreateClient().SendAsync(api.PostCall(body, signedAt: now.AddSeconds(-i)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await api.Transcripts.CountDocumentsAsync(t => t.CallId == call.Id));
        Assert.Single((await api.Leads.Find(l => l.Id == lead.Id).SingleAsync()).ContactAttempts);
        Assert.Equal(2, (await Agents.Find(a => a.AgentId == agentId).SingleAsync()).DecisionHistory.Count);
        var logs = await api.Database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs).Find(l => l.LeadId == lead.Id).ToListAsync();
        Assert.Single(logs, l => l.EventType == ConsentEventType.ConsentRevoked);
    }

    [Fact]
    public async Task A_replayed_signature_is_refused_and_nothing_is_written()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        var agentId = "agent_" + call.Id;
        var body = PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified", agentId);
        var header = ElevenLabsSignature.Create(CallsFixture.ElevenLabsSecret, api.Clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(api.PostCall(body, header: header))).StatusCode);
        var first = await SnapshotAsync(lead.Id, call.Id, agentId);

        var replay = await client.SendAsync(api.PostCall(body, header: header));

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(first, await SnapshotAsync(lead.Id, call.Id, agentId));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("missing")]
    [InlineData("stale")]
    [InlineData("other-body")]
    public async Task A_bad_signature_is_refused_with_401_and_nothing_is_written(string variant)
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        var agentId = "agent_" + call.Id;
        var body = PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified", agentId);
        var before = await SnapshotAsync(lead.Id, call.Id, agentId);
        using var request = variant switch
        {
            "forged" => api.PostCall(body, header: $"t={api.Clock.GetUtcNow().ToUnixTimeSeconds()},v0={new string('a', 64)}"),
            "missing" => api.PostCall(body, sign: false),
            "stale" => api.PostCall(body, signedAt: api.Clock.GetUtcNow().AddMinutes(-31)),
            _ => api.PostCall(body, header: ElevenLabsSignature.Create(CallsFixture.ElevenLabsSecret, api.Clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body + " "))),
        };

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await SnapshotAsync(lead.Id, call.Id, agentId));
    }

    [Fact]
    public async Task A_callback_keeps_the_status_and_schedules_the_next_follow_up_at_the_requested_time()
    {
        var (lead, call) = await api.AddLeadWithCallAsync(status: LeadStatus.Contacted);

        await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription(
            "conv_" + call.Id, call.CallSid, "callback", callbackAt: "2026-03-05T18:30:00Z", userLines: ["I'm busy, call me back Thursday afternoon."])));

        var updated = await api.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.Equal(LeadStatus.Contacted, updated.Status);
        Assert.Equal(new DateTime(2026, 3, 5, 18, 30, 0, DateTimeKind.Utc), updated.NextFollowUp);
        var stored = await api.Calls.Find(c => c.Id == call.Id).SingleAsync();
        var followUp = Assert.Single(stored.FollowUpActions);
        Assert.Equal(("callback", new DateTime(2026, 3, 5, 18, 30, 0, DateTimeKind.Utc)), (followUp.Type, followUp.ScheduledFor));
        Assert.Equal("callback_request", Assert.Single(stored.KeyMoments).Type);
    }

    [Theory]
    [InlineData("not_interested", true, LeadStatus.Nurturing)]
    [InlineData("not_interested", false, LeadStatus.Lost)]
    [InlineData("wrong_number", true, LeadStatus.Lost)]
    public async Task Not_interested_nurtures_when_the_campaign_does_and_wrong_numbers_are_lost(string outcome, bool nurtures, LeadStatus expected)
    {
        var campaign = await api.AddCampaignAsync(nurtures);
        var (lead, call) = await api.AddLeadWithCallAsync(campaign);

        await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, outcome, userLines: ["No thanks."])));

        var updated = await api.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.Equal(expected, updated.Status);
        Assert.Equal(outcome, Assert.Single(updated.ContactAttempts).Outcome);
        if (expected == LeadStatus.Lost) Assert.Equal(LeadStage.Lost, updated.Stage);
    }

    [Fact]
    public async Task A_spoken_revocation_revokes_consent_and_adds_the_number_to_the_internal_dnc_list()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();

        var response = await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription(
            "conv_" + call.Id, call.CallSid, "not_interested", userLines: ["Who is this?", "Please take me off your list and stop calling me."])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await api.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.False(updated.Consent.AutomatedCallsAllowed);
        var logs = await api.Database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs).Find(l => l.LeadId == lead.Id).ToListAsync();
        var revoked = Assert.Single(logs, l => l.EventType == ConsentEventType.ConsentRevoked);
        Assert.Equal("call_transcript", revoked.Origin);
        Assert.Single(logs, l => l.EventType == ConsentEventType.DncAdded);
        Assert.Equal(1, await api.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry).CountDocumentsAsync(Builders<DncEntry>.Filter.Eq(d => d.Phone, lead.Contact.Phone)));
        var stored = await api.Calls.Find(c => c.Id == call.Id).SingleAsync();
        Assert.Contains(stored.KeyMoments, m => m.Type == "revocation" && m.UserText == "Please take me off your list and stop calling me.");

        var next = await new ComplianceService(api.Database, api.Clock).CanContactAsync(lead.Id, ContactChannel.AutomatedCall, api.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None);
        Assert.False(next.Allowed);
        Assert.Contains(next.Reasons, r => r.Code == ComplianceReasonCodes.InternalDnc);
    }

    [Fact]
    public async Task The_decision_history_keeps_the_last_hundred_entries()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var agentId = "agent_" + call.Id;
        await Agents.InsertOneAsync(new AgentState
        {
            AgentType = AgentType.ConversationAi, AgentId = agentId, UpdatedAt = api.Clock.GetUtcNow().UtcDateTime,
            DecisionHistory = [.. Enumerable.Range(0, 100).Select(i => new AgentDecision { Decision = "older", Input = "conv_old_" + i, Timestamp = DateTime.UnixEpoch })],
        });

        await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified", agentId)));

        var agent = await Agents.Find(a => a.AgentId == agentId).SingleAsync();
        Assert.Equal(AgentState.DecisionHistoryLimit, agent.DecisionHistory.Count);
        Assert.Equal("conv_old_2", agent.DecisionHistory[0].Input);
        Assert.Equal(["call_outcome", "evaluation:identified_business"], agent.DecisionHistory.TakeLast(2).Select(d => d.Decision));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type": "post_call_transcription", "data": {"conversation_id": {"$gt": ""}}}""")]
    [InlineData("""{"type": "post_call_transcription", "data": {"conversation_id": "c1", "transcript": "text"}}""")]
    [InlineData("""{"type": "post_call_transcription", "data": {"conversation_id": "c1", "metadata": {"call_duration_secs": -5}}}""")]
    [InlineData("""{"type": 7}""")]
    [InlineData("[]")]
    public async Task Malformed_or_hostile_bodies_are_field_errors_and_nothing_is_written(string body)
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        var before = await SnapshotAsync(lead.Id, call.Id, "agent_test");

        var response = await api.CreateClient().SendAsync(api.PostCall(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await SnapshotAsync(lead.Id, call.Id, "agent_test"));
    }

    [Fact]
    public async Task Audio_and_other_event_types_are_acknowledged_and_ignored()
    {
        var response = await api.CreateClient().SendAsync(api.PostCall(
            """{"type":"post_call_audio","event_timestamp":1739537319,"data":{"agent_id":"xyz","conversation_id":"abc","full_audio":"SUQzBAAAAAAA"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found_and_can_be_delivered_again_later()
    {
        var body = PostCallPayloads.Transcription("conv_unknown", "CA_not_ours", "qualified");
        var header = ElevenLabsSignature.Create(CallsFixture.ElevenLabsSecret, api.Clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
        var client = api.CreateClient();

        var first = await client.SendAsync(api.PostCall(body, header: header));
        var retry = await client.SendAsync(api.PostCall(body, header: header));

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
    }

    [Fact]
    public async Task The_call_is_found_by_call_sid_when_the_conversation_id_was_not_known_at_placement()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        Assert.Null(call.ConversationId);

        var response = await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_late_" + call.Id, call.CallSid, "voicemail", userLines: [])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await api.Calls.Find(c => c.Id == call.Id).SingleAsync();
        Assert.Equal("conv_late_" + call.Id, stored.ConversationId);
        Assert.Equal(CallOutcome.Voicemail, stored.Outcome);
    }
}
