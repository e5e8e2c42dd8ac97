using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace NextLevel.Web.ApiClient.Models;

/// <summary>
/// The leads grid's filter: what the Api's GET /api/leads accepts, and what the page keeps in its URL so a
/// filter can be bookmarked and shared.
/// </summary>
public sealed record LeadFilter
{
    public string? Status { get; init; }
    public string? Stage { get; init; }
    public string? Source { get; init; }
    public string? CampaignId { get; init; }
    public bool? Qualified { get; init; }
    public double? MinScore { get; init; }
    public double? MaxScore { get; init; }
    public DateTime? ReceivedFrom { get; init; }
    public DateTime? ReceivedTo { get; init; }
    public string? Tag { get; init; }
    public string? Q { get; init; }

    /// <summary>Field and direction, "-receivedAt" for newest first.</summary>
    public string? Sort { get; init; }

    public bool IsEmpty => this == new LeadFilter { Sort = Sort };

    /// <summary>The query string for the Api and for the page's URL (dates as calendar days in the user's zone).</summary>
    public QueryString ToQuery(TimeZoneInfo zone) => new QueryString()
        .Add("status", Status).Add("stage", Stage).Add("source", Source).Add("campaignId", CampaignId)
        .Add("qualified", Qualified).Add("minScore", MinScore).Add("maxScore", MaxScore)
        .Add("receivedFrom", StartOfDay(ReceivedFrom, zone)).Add("receivedTo", StartOfDay(ReceivedTo?.AddDays(1), zone))
        .Add("tag", Tag).Add("q", Q).Add("sort", Sort);

    /// <summary>The page's own URL form: days stay days.</summary>
    public string ToPageQuery() => new QueryString()
        .Add("status", Status).Add("stage", Stage).Add("source", Source).Add("campaignId", CampaignId)
        .Add("qualified", Qualified).Add("minScore", MinScore).Add("maxScore", MaxScore)
        .Add("from", ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Add("to", ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Add("tag", Tag).Add("q", Q).Add("sort", Sort).ToString();

    public static LeadFilter FromPageQuery(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Text(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        double? Number(string name) => double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        DateTime? Day(string name) => DateTime.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new LeadFilter
        {
            Status = Text("status"), Stage = Text("stage"), Source = Text("source"), CampaignId = Text("campaignId"),
            Qualified = bool.TryParse(Text("qualified"), out var q) ? q : null,
            MinScore = Number("minScore"), MaxScore = Number("maxScore"),
            ReceivedFrom = Day("from"), ReceivedTo = Day("to"), Tag = Text("tag"), Q = Text("q"), Sort = Text("sort"),
        };
    }

    private static DateTimeOffset? StartOfDay(DateTime? day, TimeZoneInfo zone) =>
        day is { } d ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified), zone), TimeSpan.Zero) : null;
}
