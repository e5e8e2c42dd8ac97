using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Dashboard.Api;

/// <summary>One row of <c>GET /api/resources</c>: a snapshot with secrets masked and the uptime computed.</summary>
internal sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    string Health,
    int? Pid,
    IReadOnlyList<string> Endpoints,
    int Restarts,
    DateTimeOffset? StartedAt,
    double? UptimeSeconds,
    int? ExitCode,
    string? Source,
    IReadOnlyList<string> WaitsFor)
{
    public static ResourceView From(ResourceSnapshot snapshot, DateTimeOffset now)
    {
        var running = snapshot.Pid is not null || snapshot.State == ResourceStates.Running;
        return new ResourceView(
            snapshot.Name,
            snapshot.Kind,
            snapshot.State,
            snapshot.Health,
            snapshot.Pid,
            [.. snapshot.Endpoints.Select(SecretMasker.MaskConnectionString)],
            snapshot.Restarts,
            snapshot.StartedAt,
            running && snapshot.StartedAt is { } startedAt ? Math.Round((now - startedAt).TotalSeconds) : null,
            snapshot.ExitCode,
            snapshot.Source is null ? null : SecretMasker.MaskConnectionString(snapshot.Source),
            snapshot.WaitsFor);
    }
}

/// <summary>One variable of <c>GET /api/resources/{name}/environment</c>, its value masked if secret.</summary>
internal sealed record EnvironmentVariableView(string Name, string Value);

/// <summary>One event of <c>GET /api/resources/{name}/logs</c>.</summary>
internal sealed record LogLineView(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
