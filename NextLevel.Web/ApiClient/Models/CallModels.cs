namespace NextLevel.Web.ApiClient.Models;

public sealed record SentimentPoint(double Timestamp, double Score);

public sealed record CallSentiment(double? Overall, IReadOnlyList<SentimentPoint>? Timeline);

public sealed record KeyMoment(string? Type, double? Timestamp, string? UserText, string? AgentResponse, bool? Resolved);

public sealed record CallCost(double? TotalCost);

public sealed record CallSummary(
    string Id, string? LeadId, string? CampaignId, DateTimeOffset InitiatedAt, string? Direction, string? Type, string? Status,
    string? Outcome, int? Duration, CallSentiment? Sentiment, string? TranscriptId, CallCost? Cost);

public sealed record CallPage(IReadOnlyList<CallSummary> Items, string? NextCursor, long? Total);

public sealed record Call(
    string Id, string? LeadId, string? CampaignId, DateTimeOffset InitiatedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt,
    string? Direction, string? Type, string? Status, string? Outcome, string? Disposition, int? Duration, int? TalkTime,
    CallSentiment? Sentiment, IReadOnlyList<KeyMoment>? KeyMoments, string? TranscriptId, CallCost? Cost,
    bool? ConsentVerified, bool? DncChecked);

public sealed record TranscriptMessage(string? Speaker, string? Text, double? Timestamp, double? Sentiment, double? Confidence);

public sealed record CallTranscript(string Id, string? CallId, string? LeadId, IReadOnlyList<TranscriptMessage> Messages, IReadOnlyList<string>? Topics, IReadOnlyList<string>? Keywords);

public sealed record CallFilter(string? Outcome, string? Status, string? CampaignId, string? LeadId, DateTimeOffset? From, DateTimeOffset? To);
