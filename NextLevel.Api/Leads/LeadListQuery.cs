using System.Globalization;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.Api.Extensions;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Leads;

/// <summary>A parsed lead list query: the filter (without the cursor), the order, where to continue and how many.</summary>
public sealed record LeadListQuery(BsonDocument Filter, LeadSort Sort, IReadOnlyList<BsonValue>? After, int Limit, bool IncludeTotal)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxTextLength = 100;

    /// <summary>The filter including the cursor's position.</summary>
    public BsonDocument PageFilter() => After is null ? Filter : new BsonDocument("$and", new BsonArray { Filter, Sort.After(After) });

    public static LeadListQuery Parse(LeadListRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var filter = new BsonDocument();
        var e = errors;
        void Error(string field, string message) => e[field] = [message];

        AddEnumList<LeadStatus>(filter, "status", request.Status, Error);
        AddEnumList<LeadStage>(filter, "stage", request.Stage, Error);
        AddEnumList<LeadSource>(filter, "source", request.Source, Error);

        if (request.CampaignId is { } campaign)
        {
            if (ObjectId.TryParse(campaign, out var id)) filter["campaignId"] = id;
            else Error("campaignId", "Must be a 24-hex-digit id.");
        }
        if (request.Qualified is { } qualified)
        {
            if (bool.TryParse(qualified, out var q)) filter["qualification.qualified"] = q;
            else Error("qualified", "Must be true or false.");
        }

        var score = new BsonDocument();
        if (ParseUnit(request.MinScore, "minScore", Error) is { } min) score["$gte"] = min;
        if (ParseUnit(request.MaxScore, "maxScore", Error) is { } max) score["$lte"] = max;
        if (score.ElementCount > 0) filter["qualification.score"] = score;

        var received = new BsonDocument();
        if (ParseTime(request.ReceivedFrom, "receivedFrom", Error) is { } from) received["$gte"] = from;
        if (ParseTime(request.ReceivedTo, "receivedTo", Error) is { } to) received["$lt"] = to;
        if (received.ElementCount > 0) filter["receivedAt"] = received;

        if (request.Tag is { } tag)
        {
            var normalised = LeadTags.Normalise(tag);
            if (normalised is null) Error("tag", LeadTags.Rule);
            else filter["tags"] = normalised;
        }

        if (request.Q is { } q2)
        {
            if (string.IsNullOrWhiteSpace(q2) || q2.Length > MaxTextLength) Error("q", $"Search text must be 1 to {MaxTextLength} characters.");
            else foreach (var element in TextSearch(q2.Trim())) filter.Add(element);
        }

        var sort = LeadSort.Parse(request.Sort);
        if (sort is null) Error("sort", "Sort must be receivedAt, score or name, optionally with .asc or .desc.");
        sort ??= LeadSort.ReceivedAt;

        IReadOnlyList<BsonValue>? after = null;
        if (request.Cursor is { } cursor)
        {
            if (LeadCursor.TryDecode(cursor, sort, out var values)) after = values;
            else Error("cursor", "The cursor is not valid for this sort; start again without it.");
        }

        var limit = DefaultLimit;
        if (request.Limit is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            Error("limit", $"Limit must be 1 to {MaxLimit}.");

        var includeTotal = false;
        if (request.Total is { } total && !bool.TryParse(total, out includeTotal)) Error("total", "Must be true or false.");

        return new LeadListQuery(filter, sort, after, limit, includeTotal);
    }

    /// <summary>
    /// Text search: an email prefix when the text has an @; a phone prefix (E.164) when it is mostly digits;
    /// otherwise a case-insensitive prefix of the first or last name or an email prefix ("ann"), or, for two or more
    /// words, first name and last name prefixes ("ann smi": first name "ann…", last name "smi…").
    /// </summary>
    internal static IEnumerable<BsonElement> TextSearch(string text)
    {
        if (text.Contains('@'))
            return [new BsonElement("contact.email", new BsonRegularExpression("^" + Regex.Escape(text.ToLowerInvariant())))];

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length >= 3 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or ' ' or '.'))
        {
            var prefix = text.TrimStart().StartsWith('+') || (digits.Length == 11 && digits[0] == '1') ? "+" + digits : "+1" + digits;
            return [new BsonElement("contact.phone", new BsonRegularExpression("^" + Regex.Escape(prefix)))];
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        BsonRegularExpression Prefix(string word) => new("^" + Regex.Escape(word), "i");
        if (words.Length >= 2)
            return [new BsonElement("contact.firstName", Prefix(words[0])), new BsonElement("contact.lastName", Prefix(string.Join(' ', words[1..])))];
        return [new BsonElement("$or", new BsonArray
        {
            new BsonDocument("contact.firstName", Prefix(words[0])),
            new BsonDocument("contact.lastName", Prefix(words[0])),
            new BsonDocument("contact.email", new BsonRegularExpression("^" + Regex.Escape(words[0].ToLowerInvariant()))),
        })];
    }

    private static void AddEnumList<TEnum>(BsonDocument filter, string field, string? text, Action<string, string> error) where TEnum : struct, Enum
    {
        if (text is null) return;
        if (!StoredEnumParser<TEnum>.TryParseList(text, out var values)) { error(field, $"Must be one or more of {StoredEnumParser<TEnum>.Allowed}."); return; }
        filter[field] = values.Count == 1
            ? StoredEnum.Name(values[0])
            : new BsonDocument("$in", new BsonArray(values.Select(v => StoredEnum.Name(v))));
    }

    private static double? ParseUnit(string? text, string field, Action<string, string> error)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1) return value;
        error(field, "Must be a number from 0 to 1.");
        return null;
    }

    private static DateTime? ParseTime(string? text, string field, Action<string, string> error)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value.UtcDateTime;
        error(field, "Must be an ISO 8601 date or time.");
        return null;
    }
}
