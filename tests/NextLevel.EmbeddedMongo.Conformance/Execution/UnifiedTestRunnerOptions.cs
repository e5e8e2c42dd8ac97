using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>How the runner connects and what it reports.</summary>
public sealed class UnifiedTestRunnerOptions
{
    /// <summary>The server under test; every client entity starts from this connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Only tests whose "file :: description" contains this text (case-insensitive) run.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Assert expectEvents (command monitoring events). On by default; when off, the run reports how many tests'
    /// event expectations it ignored.
    /// </summary>
    public bool CheckEvents { get; init; } = true;

    /// <summary>Also print passed and skipped tests.</summary>
    public bool Verbose { get; init; }

    /// <summary>Where progress lines go (failures, per-file summaries).</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Evaluate requirements against this instead of asking the server (buildInfo / hello).</summary>
    public ServerEnvironment? Environment { get; init; }

    /// <summary>Upper bound for one test, so that a hanging server fails the test instead of the run.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
