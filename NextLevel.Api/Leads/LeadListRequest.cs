namespace NextLevel.Api.Leads;

/// <summary>
/// Query of the lead list and the CSV export (bound from the query string by name). Every value arrives as text
/// and is parsed strictly, so a value such as <c>{"$gt":""}</c> is only ever a literal or a field error.
/// </summary>
public sealed record LeadListRequest(
    string? Status = null,
    string? Stage = null,
    string? Source = null,
    string? CampaignId = null,
    string? Qualified = null,
    string? MinScore = null,
    string? MaxScore = null,
    string? ReceivedFrom = null,
    string? ReceivedTo = null,
    string? Tag = null,
    string? Q = null,
    string? Sort = null,
    string? Cursor = null,
    string? Limit = null,
    string? Total = null);
