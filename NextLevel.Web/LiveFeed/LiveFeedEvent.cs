namespace NextLevel.Web.LiveFeed;

/// <summary>One line of the live feed: a new lead or a call outcome, with the page that shows it.</summary>
public sealed record LiveFeedEvent(string Kind, string Id, DateTimeOffset At, string Title, string? Detail, string Link);
