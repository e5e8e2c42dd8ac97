namespace NextLevel.AppHost.OtlpBench;

/// <summary>
/// The ops page left open during the load: the live change stream, and each second the structured-log, trace-list,
/// one-trace and metrics queries its views make. Counts its queries and their failures.
/// </summary>
internal sealed class PageSimulator(Uri dashboard) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };

    public int Queries { get; private set; }

    public int Failures { get; private set; }

    public double SlowestQueryMs { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stream = FollowChangesAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var path in new[] { "api/logs?limit=500", "api/traces?limit=200", "api/metrics" })
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var body = await _client.GetStringAsync(path, cancellationToken);
                    SlowestQueryMs = Math.Max(SlowestQueryMs, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Queries++;
                    if (path.StartsWith("api/traces", StringComparison.Ordinal) && body.IndexOf("\"traceId\":\"", StringComparison.Ordinal) is var at and >= 0)
                    {
                        var id = body.Substring(at + 11, 32);
                        await _client.GetStringAsync($"api/traces/{id}", cancellationToken);
                        Queries++;
                    }
                }
                await Task.Delay(1000, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                Failures++;
            }
        }
        await stream;
    }

    private async Task FollowChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var events = await _client.GetStreamAsync("api/telemetry/changes", cancellationToken);
            var buffer = new byte[4096];
            while (await events.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _client.Dispose();
}
