using MongoDB.Bson;

namespace NextLevel.Domain.Analytics;

/// <summary>
/// One business event (collection <c>analytics_events</c>): append-only, e.g. lead_received, call_completed,
/// deal_closed. Expires after the retention period through a TTL index on <see cref="ExpiresAt"/>, so rollups
/// keep the long-term figures and the raw stream stays small.
/// </summary>
public sealed class AnalyticsEvent
{
    public ObjectId Id { get; set; }

    /// <summary>snake_case event name: lead_received, lead_qualified, call_completed, sms_sent, deal_closed...</summary>
    public string Type { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public ObjectId? LeadId { get; set; }

    public ObjectId? CampaignId { get; set; }

    public ObjectId? CallId { get; set; }

    /// <summary>Lead source, for attribution.</summary>
    public string? Source { get; set; }

    /// <summary>Numeric value of the event (cost, revenue, duration), when it has one.</summary>
    public decimal? Value { get; set; }

    /// <summary>Small, PII-free details.</summary>
    public Dictionary<string, string> Properties { get; set; } = [];

    /// <summary>TTL: the event is removed after this time (default retention 400 days).</summary>
    public DateTime ExpiresAt { get; set; }
}
