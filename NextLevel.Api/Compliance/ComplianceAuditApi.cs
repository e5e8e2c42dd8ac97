using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Calls;
using NextLevel.Api.Identity;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Compliance;

/// <summary>
/// Read-only audit views for compliance staff: the consent log of a lead or phone (through ConsentLedger, as JSON or
/// CSV), the internal DNC list, the registry import dates and ages, and the contact attempts the gate blocked.
/// </summary>
public static class ComplianceAuditApi
{
    public const int MaxLimit = 200;

    /// <summary>The national list may be used for 31 days after its import (16 CFR 310.4(b)(3)(iv)).</summary>
    public const double StaleAfterDays = 31;

    public static RouteGroupBuilder MapComplianceAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance/audit").WithTags("Compliance").RequireAuthorization(StaffPolicies.Compliance);
        group.MapGet("/consent-log", ConsentLogAsync).WithName("ConsentLogAudit").WithSummary("Consent events of one lead or phone, newest first.");
        group.MapGet("/consent-log.csv", ConsentLogCsvAsync).WithName("ConsentLogAuditCsv").WithSummary("The same events as CSV.");
        group.MapGet("/dnc", DncListAsync).WithName("DncListAudit").WithSummary("DNC entries of one source (default internal), newest first; keyset pages.");
        group.MapGet("/dnc-imports", DncImportsAsync).WithName("DncImportsAudit").WithSummary("When each registry list was last imported and whether it is older than 31 days.");
        group.MapGet("/blocked-attempts", BlockedAttemptsAsync).WithName("BlockedAttemptsAudit").WithSummary("Contact attempts the compliance gate blocked, newest first.");
        return group;
    }

    public sealed record ConsentLogRow(string Id, string? LeadId, string? Phone, string EventType, DateTime Timestamp, IReadOnlyList<string>? Channels,
        string? Source, string? Method, string? ConsentText, string? Actor, string? Origin);

    public sealed record ConsentLogPage(IReadOnlyList<ConsentLogRow> Items, string? NextCursor);

    public sealed record DncRow(string Phone, string Source, string? State, string? Reason, DateTime AddedAt, DateTime? ExpiresAt, bool InForce, string AddedBy, string? LeadId);

    public sealed record DncPage(IReadOnlyList<DncRow> Items, string? NextCursor);

    public sealed record DncImportStatus(string Source, string? State, DateTime? LastImportedAt, long Entries, double? AgeDays, bool Stale);

    public sealed record BlockedAttempt(string LeadId, string? Channel, DateTime At, IReadOnlyList<string> Reasons, string? CampaignId);

    public sealed record BlockedAttemptPage(IReadOnlyList<BlockedAttempt> Items, string? NextCursor);

    public static async Task<Results<Ok<ConsentLogPage>, ValidationProblem>> ConsentLogAsync(
        string? leadId, string? phone, string? cursor, string? limit, IMongoDatabase database, CancellationToken cancellationToken)
    {
        var (rows, errors) = await ReadConsentAsync(leadId, phone, database, cancellationToken);
        var take = ParseLimit(limit, 50, errors);
        var skip = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0)) errors["cursor"] = ["Not a cursor from a previous page."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var page = rows!.Skip(skip).Take(take).ToList();
        var next = skip + take < rows!.Count ? (skip + take).ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ConsentLogPage(page, next));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ConsentLogCsvAsync(
        string? leadId, string? phone, IMongoDatabase database, CancellationToken cancellationToken)
    {
        var (rows, errors) = await ReadConsentAsync(leadId, phone, database, cancellationToken);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var csv = new StringBuilder("id,leadId,phone,eventType,timestamp,channels,source,method,consentText,actor,origin\n");
        foreach (var r in rows!)
        {
            csv.AppendJoin(',', new[] { r.Id, r.LeadId, r.Phone, r.EventType, r.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                r.Channels is null ? null : string.Join(';', r.Channels), r.Source, r.Method, r.ConsentText, r.Actor, r.Origin }.Select(Csv)).Append('\n');
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "consent-log.csv");
    }

    public static async Task<Results<Ok<DncPage>, ValidationProblem>> DncListAsync(
        string? source, string? cursor, string? limit, IMongoDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var sourceName = source ?? StoredEnum.Name(DncSource.Internal);
        if (!Enum.GetValues<DncSource>().Any(s => StoredEnum.Name(s) == sourceName)) errors["source"] = ["Unknown DNC source."];
        var take = ParseLimit(limit, 50, errors);
        DateTime afterAt = default;
        ObjectId afterId = default;
        if (cursor is not null && !KeysetCursor.TryDecode(cursor, out afterAt, out afterId)) errors["cursor"] = ["Not a cursor from a previous page."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var filter = new BsonDocument("source", sourceName);
        var query = cursor is null ? filter : new BsonDocument("$and", new BsonArray { filter, KeysetCursor.After("addedAt", afterAt, afterId) });
        var rows = await database.GetCollection<DncEntry>(CollectionNames.DncRegistry).Find(query)
            .Sort(new BsonDocument { { "addedAt", -1 }, { "_id", -1 } }).Limit(take + 1).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? KeysetCursor.Encode(page[^1].AddedAt, page[^1].Id) : null;
        return TypedResults.Ok(new DncPage([.. page.Select(e => new DncRow(e.Phone, StoredEnum.Name(e.Source), e.State, e.Reason, e.AddedAt, e.ExpiresAt,
            e.InForceAt(now), e.AddedBy, e.LeadId?.ToString()))], next));
    }

    public static async Task<Ok<IReadOnlyList<DncImportStatus>>> DncImportsAsync(IMongoDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var (imports, _) = await new SystemConfigStore(database, time).GetAsync(ComplianceSettings.DncImports, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        DncImportStatus Status(string source, string? state, DncListImport? import)
        {
            double? age = import is null ? null : Math.Round((now - import.ImportedAt).TotalDays, 1);
            return new DncImportStatus(source, state, import?.ImportedAt, import?.Numbers ?? 0, age, age is null || age > StaleAfterDays);
        }
        var rows = new List<DncImportStatus> { Status("national", null, imports.National) };
        rows.AddRange(imports.States.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Status("state", s.Key, s.Value)));
        return TypedResults.Ok<IReadOnlyList<DncImportStatus>>(rows);
    }

    public static async Task<Results<Ok<BlockedAttemptPage>, ValidationProblem>> BlockedAttemptsAsync(
        string? cursor, string? limit, IMongoDatabase database, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var take = ParseLimit(limit, 50, errors);
        DateTime afterAt = default;
        ObjectId afterId = default;
        if (cursor is not null && !KeysetCursor.TryDecode(cursor, out afterAt, out afterId)) errors["cursor"] = ["Not a cursor from a previous page."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var pipeline = new List<BsonDocument>
        {
            new("$match", new BsonDocument("contactAttempts.outcome", "blocked")),
            new("$unwind", "$contactAttempts"),
            new("$match", new BsonDocument("contactAttempts.outcome", "blocked")),
            new("$project", new BsonDocument
            {
                { "leadId", "$_id" }, { "campaignId", "$campaignId" }, { "at", "$contactAttempts.timestamp" },
                { "channel", "$contactAttempts.type" }, { "reasons", "$contactAttempts.compliance.reasons" }, { "_id", "$contactAttempts.attemptId" },
            }),
        };
        if (cursor is not null) pipeline.Add(new BsonDocument("$match", KeysetCursor.After("at", afterAt, afterId)));
        pipeline.Add(new BsonDocument("$sort", new BsonDocument { { "at", -1 }, { "_id", -1 } }));
        pipeline.Add(new BsonDocument("$limit", take + 1));
        var rows = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).Select(ToBlocked).ToList();
        var next = rows.Count > take ? KeysetCursor.Encode(rows[take - 1]["at"].ToUniversalTime(), rows[take - 1]["_id"].AsObjectId) : null;
        return TypedResults.Ok(new BlockedAttemptPage(page, next));
    }

    private static BlockedAttempt ToBlocked(BsonDocument row)
    {
        IReadOnlyList<string> reasons = row.TryGetValue("reasons", out var r) && r.IsBsonArray
            ? [.. r.AsBsonArray.Select(v => v.IsBsonDocument && v.AsBsonDocument.TryGetValue("message", out var m) ? m.ToString()! : v.ToString()!)]
            : [];
        return new BlockedAttempt(row["leadId"].ToString()!, row.TryGetValue("channel", out var c) && c.IsString ? c.AsString : null,
            row["at"].ToUniversalTime(), reasons, row.TryGetValue("campaignId", out var campaign) && campaign.IsObjectId ? campaign.ToString() : null);
    }

    private static async Task<(List<ConsentLogRow>? Rows, Dictionary<string, string[]> Errors)> ReadConsentAsync(
        string? leadId, string? phone, IMongoDatabase database, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if ((leadId is null) == (phone is null)) errors["leadId"] = ["Give either a lead id or a phone number."];
        ObjectId lead = default;
        if (leadId is not null && !ObjectId.TryParse(leadId, out lead)) errors["leadId"] = ["Not a lead id."];
        if (phone is not null && (phone.Length is < 8 or > 16 || phone[0] != '+' || !phone[1..].All(char.IsAsciiDigit))) errors["phone"] = ["An E.164 phone number such as +15551234567."];
        if (errors.Count > 0) return (null, errors);

        var ledger = new ConsentLedger(database);
        var events = leadId is not null ? await ledger.ForLeadAsync(lead, cancellationToken) : await ledger.ForPhoneAsync(phone!, cancellationToken);
        return ([.. events.OrderByDescending(e => e.Timestamp).Select(e => new ConsentLogRow(e.Id.ToString(), e.LeadId?.ToString(), e.Phone,
            StoredEnum.Name(e.EventType), e.Timestamp, e.Channels?.Select(c => StoredEnum.Name(c)).ToList(), e.ConsentDetails?.Source,
            e.ConsentDetails is { } d ? StoredEnum.Name(d.Method) : null, e.ConsentDetails?.ConsentText, e.RecordedBy, e.Origin))], errors);
    }

    private static int ParseLimit(string? text, int fallback, Dictionary<string, string[]> errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        errors["limit"] = [$"Between 1 and {MaxLimit}."];
        return fallback;
    }

    /// <summary>A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !(value[0] == '+' && value[1..].All(char.IsAsciiDigit))) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
