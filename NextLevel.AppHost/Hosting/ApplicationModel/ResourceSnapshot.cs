using System.Collections.Immutable;

namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>
/// What is known about a resource at one moment. Immutable: every change publishes a new snapshot through
/// <see cref="ResourceNotificationService"/>, so readers never see a half-updated resource.
/// </summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    /// <summary>One of <see cref="ResourceStates"/>.</summary>
    public string State { get; init; } = ResourceStates.NotStarted;

    /// <summary>One of <see cref="HealthStates"/>.</summary>
    public string Health { get; init; } = HealthStates.Starting;

    /// <summary>What runs: the command, the image, or "external".</summary>
    public string? Source { get; init; }

    public int? Pid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>How many times the orchestrator restarted the resource after it exited on its own.</summary>
    public int Restarts { get; init; }

    public ImmutableArray<string> Endpoints { get; init; } = [];

    public ImmutableArray<string> WaitsFor { get; init; } = [];

    /// <summary>The variables the orchestrator gave the process at its last start (unmasked: mask before showing).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Environment { get; init; } = [];
}

/// <summary>The lifecycle states shown on the ops page.</summary>
public static class ResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Restarting = "Restarting";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string FailedToStart = "FailedToStart";
}

/// <summary>The health values of <c>GET /api/resources</c>: "Starting" until the first healthy probe.</summary>
public static class HealthStates
{
    public const string Starting = "Starting";
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
}
