namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>A structured-log query: every filter is optional.</summary>
public sealed record GetLogsContext(string? Resource = null, string? MinimumLevel = null, string? Text = null, string? TraceId = null, int Limit = 200);

/// <summary>A page of results and how many matched in all.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
