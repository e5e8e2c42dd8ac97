using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Calls;

/// <summary>Staff reads of calls for the dashboard: a filtered list newest first (keyset pages), one call, its transcript.</summary>
public static class CallQueriesApi
{
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapCallQueriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListCallsAsync).WithName("ListCalls")
            .WithSummary("Calls newest first, filtered by outcome, status, campaign, lead and period; keyset pages (cursor, limit ≤ 100).");
        group.MapGet("/{id}", GetCallAsync).WithName("GetCall").WithSummary("One call with its sentiment curve and key moments.");
        group.MapGet("/{id}/transcript", GetTranscriptAsync).WithName("GetCallTranscript").WithSummary("The speaker-attributed transcript of a call.");
        return group;
    }

    public sealed record CallListRequest(
        string? Outcome = null, string? Status = null, string? CampaignId = null, string? LeadId = null,
        string? From = null, string? To = null, string? Cursor = null, string? Limit = null);

    public sealed record CallPage(IReadOnlyList<Call> Items, string? NextCursor);

    public static async Task<Results<Ok<CallPage>, ValidationProblem>> ListCallsAsync(
        [AsParameters] CallListRequest request, IMongoDatabase database, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new BsonDocument();
        if (request.Outcome is { } outcome)
        {
            if (Parse<CallOutcome>(outcome) is { } o) filter["outcome"] = o; else errors["outcome"] = ["Unknown call outcome."];
        }
        if (request.Status is { } status)
        {
            if (Parse<CallStatus>(status) is { } s) filter["status"] = s; else errors["status"] = ["Unknown call status."];
        }
        if (request.CampaignId is { } campaign)
        {
            if (ObjectId.TryParse(campaign, out var id)) filter["campaignId"] = id; else errors["campaignId"] = ["Not a campaign id."];
        }
        if (request.LeadId is { } lead)
        {
            if (ObjectId.TryParse(lead, out var id)) filter["leadId"] = id; else errors["leadId"] = ["Not a lead id."];
        }
        var range = new BsonDocument();
        if (request.From is { } from)
        {
            if (TryInstant(from, out var f)) range["$gte"] = f; else errors["from"] = ["Not an ISO 8601 instant."];
        }
        if (request.To is { } to)
        {
            if (TryInstant(to, out var t)) range["$lt"] = t; else errors["to"] = ["Not an ISO 8601 instant."];
        }
        var limit = 25;
        if (request.Limit is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Between 1 and {MaxLimit}."];
        }
        DateTime afterAt = default;
        ObjectId afterId = default;
        if (request.Cursor is { } cursor && !KeysetCursor.TryDecode(cursor, out afterAt, out afterId))
        {
            errors["cursor"] = ["Not a cursor from a previous page."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (range.ElementCount > 0) filter["initiatedAt"] = range;
        var query = request.Cursor is null ? filter : new BsonDocument("$and", new BsonArray { filter, KeysetCursor.After("initiatedAt", afterAt, afterId) });
        var rows = await database.GetCollection<Call>(CollectionNames.Calls).Find(query)
            .Sort(new BsonDocument { { "initiatedAt", -1 }, { "_id", -1 } }).Limit(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? KeysetCursor.Encode(page[^1].InitiatedAt, page[^1].Id) : null;
        return TypedResults.Ok(new CallPage(page, next));
    }

    public static async Task<Results<Ok<Call>, NotFound>> GetCallAsync(string id, IMongoDatabase database, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var callId)) return TypedResults.NotFound();
        var call = await database.GetCollection<Call>(CollectionNames.Calls).Find(c => c.Id == callId).FirstOrDefaultAsync(cancellationToken);
        return call is null ? TypedResults.NotFound() : TypedResults.Ok(call);
    }

    public static async Task<Results<Ok<CallTranscript>, NotFound>> GetTranscriptAsync(string id, IMongoDatabase database, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var callId)) return TypedResults.NotFound();
        var transcript = await database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts).Find(t => t.CallId == callId).FirstOrDefaultAsync(cancellationToken);
        return transcript is null ? TypedResults.NotFound() : TypedResults.Ok(transcript);
    }

    /// <summary>The stored snake_case name of an enum value ("no_answer"), as the filter stores it.</summary>
    private static string? Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => StoredEnum.Name(v)).FirstOrDefault(n => n == text);

    private static bool TryInstant(string text, out DateTime at)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value);
        at = value.UtcDateTime;
        return ok;
    }
}
