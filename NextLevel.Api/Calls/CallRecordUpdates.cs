using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;

namespace NextLevel.Api.Calls;

/// <summary>
/// Monotonic, idempotent updates of one call document, shared by both webhooks. Each is a single conditional
/// update: the status only moves forward, a time or duration is set once, so replays and out-of-order deliveries
/// never regress a call.
/// </summary>
public sealed class CallRecordUpdates(IMongoCollection<Call> calls)
{
    public async Task<bool> AdvanceStatusAsync(ObjectId callId, CallStatus next, DateTime now, CancellationToken cancellationToken) =>
        (await AdvanceAsync(Builders<Call>.Filter.Eq(c => c.Id, callId), next, now, cancellationToken)).ModifiedCount > 0;

    /// <summary>
    /// The same forward-only status move, addressed by the provider's CallSid (unique index callSid_1) so that a
    /// status-only callback needs no read first; false when no call with that sid is still before <paramref name="next"/>.
    /// </summary>
    public async Task<bool> AdvanceStatusByCallSidAsync(string callSid, CallStatus next, DateTime now, CancellationToken cancellationToken) =>
        (await AdvanceAsync(Builders<Call>.Filter.Eq(c => c.CallSid, callSid), next, now, cancellationToken)).MatchedCount > 0;

    /// <summary>Moves the call found by <paramref name="key"/> to <paramref name="next"/> only from a status before it.</summary>
    private Task<UpdateResult> AdvanceAsync(FilterDefinition<Call> key, CallStatus next, DateTime now, CancellationToken cancellationToken) =>
        calls.UpdateOneAsync(
            key & Builders<Call>.Filter.In(c => c.Status, TwilioCallStatuses.Before(next)),
            Builders<Call>.Update.Set(c => c.Status, next).Set(c => c.UpdatedAt, now).Set(c => c.UpdatedBy, "provider_webhook"),
            cancellationToken: cancellationToken);

    /// <summary>answeredAt, once, addressed by CallSid; false when no call with that sid still lacks it.</summary>
    public async Task<bool> SetAnsweredAtByCallSidAsync(string callSid, DateTime answeredAt, DateTime now, CancellationToken cancellationToken)
    {
        var result = await calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.CallSid, callSid) & Builders<Call>.Filter.Eq(c => c.AnsweredAt, null),
            Builders<Call>.Update.Set(c => c.AnsweredAt, answeredAt).Set(c => c.UpdatedAt, now),
            cancellationToken: cancellationToken);
        return result.MatchedCount > 0;
    }

    public async Task<bool> SetAnsweredAtAsync(ObjectId callId, DateTime answeredAt, DateTime now, CancellationToken cancellationToken)
    {
        var result = await calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, callId) & Builders<Call>.Filter.Eq(c => c.AnsweredAt, null),
            Builders<Call>.Update.Set(c => c.AnsweredAt, answeredAt).Set(c => c.UpdatedAt, now),
            cancellationToken: cancellationToken);
        return result.ModifiedCount > 0;
    }

    /// <summary>Sets endedAt and duration once (the first terminal report wins).</summary>
    public async Task<bool> SetEndAsync(ObjectId callId, DateTime endedAt, int? duration, DateTime now, CancellationToken cancellationToken)
    {
        var update = Builders<Call>.Update.Set(c => c.EndedAt, endedAt).Set(c => c.UpdatedAt, now);
        if (duration is { } seconds) update = update.Set(c => c.Duration, seconds);
        var result = await calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, callId) & Builders<Call>.Filter.Eq(c => c.EndedAt, null),
            update,
            cancellationToken: cancellationToken);
        return result.ModifiedCount > 0;
    }

    /// <summary>Twilio's share of the cost, once: <paramref name="price"/> when Twilio sent one, else minutes × rate.</summary>
    public async Task SetTwilioCostAsync(ObjectId callId, int durationSeconds, decimal? price, decimal ratePerMinute, DateTime now, CancellationToken cancellationToken)
    {
        await EnsureCostDocumentAsync(callId, cancellationToken);
        var minutes = (decimal)Math.Ceiling(durationSeconds / 60.0);
        var rate = price is { } paid ? (minutes > 0 ? Math.Round(paid / minutes, 5) : 0m) : ratePerMinute;
        await calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, callId) & Builders<Call>.Filter.Exists("cost.twilioRate", false),
            Builders<Call>.Update.Set("cost.twilioMinutes", minutes).Set("cost.twilioRate", rate).Set(c => c.UpdatedAt, now),
            cancellationToken: cancellationToken);
        await RecomputeTotalAsync(callId, cancellationToken);
    }

    /// <summary>ElevenLabs' share of the cost, once: characters the agent spoke × rate.</summary>
    public async Task SetElevenLabsCostAsync(ObjectId callId, int characters, decimal ratePerCharacter, DateTime now, CancellationToken cancellationToken)
    {
        await EnsureCostDocumentAsync(callId, cancellationToken);
        await calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, callId) & Builders<Call>.Filter.Exists("cost.elevenLabsRate", false),
            Builders<Call>.Update.Set("cost.elevenLabsCharacters", characters).Set("cost.elevenLabsRate", ratePerCharacter).Set(c => c.UpdatedAt, now),
            cancellationToken: cancellationToken);
        await RecomputeTotalAsync(callId, cancellationToken);
    }

    /// <summary>A call starts with cost null; its parts are set field by field, so it becomes an empty document first.</summary>
    private Task EnsureCostDocumentAsync(ObjectId callId, CancellationToken cancellationToken) =>
        calls.UpdateOneAsync(
            Builders<Call>.Filter.Eq(c => c.Id, callId) & Builders<Call>.Filter.Not(Builders<Call>.Filter.Type("cost", BsonType.Document)),
            Builders<Call>.Update.Set("cost", new BsonDocument()),
            cancellationToken: cancellationToken);

    /// <summary>totalCost through <see cref="CallCost.Of"/>, written only if the parts read are still the parts stored.</summary>
    private async Task RecomputeTotalAsync(ObjectId callId, CancellationToken cancellationToken)
    {
        var raw = await calls.Database.GetCollection<BsonDocument>(calls.CollectionNamespace.CollectionName)
            .Find(new BsonDocument("_id", callId)).Project(new BsonDocument("cost", 1)).FirstOrDefaultAsync(cancellationToken);
        if (raw?.GetValue("cost", BsonNull.Value) is not BsonDocument cost) return;

        decimal Part(string name) => cost.TryGetValue(name, out var v) && v.IsNumeric ? v.ToDecimal() : 0m;
        var total = CallCost.Of(Part("twilioMinutes"), Part("twilioRate"), (int)Part("elevenLabsCharacters"), Part("elevenLabsRate")).TotalCost;
        if (cost.TryGetValue("totalCost", out var stored) && stored.IsNumeric && stored.ToDecimal() == total) return;

        var unchanged = Builders<Call>.Filter.Eq(c => c.Id, callId);
        foreach (var name in new[] { "twilioMinutes", "twilioRate", "elevenLabsCharacters", "elevenLabsRate" })
        {
            unchanged &= cost.TryGetValue(name, out var value)
                ? new BsonDocument("cost." + name, value)
                : Builders<Call>.Filter.Exists("cost." + name, false);
        }

        await calls.UpdateOneAsync(unchanged, Builders<Call>.Update.Set("cost.totalCost", total), cancellationToken: cancellationToken);
    }
}
