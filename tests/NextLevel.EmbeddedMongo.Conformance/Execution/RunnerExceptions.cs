namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>An expectation of the test did not hold: the test fails with this message.</summary>
public sealed class TestAssertionException(string message) : Exception(message);

/// <summary>The test cannot run here for a reason its requirements do not express (e.g. it configures a fail point).</summary>
public sealed class TestSkippedException(string reason) : Exception(reason);

/// <summary>
/// The runner does not implement an operation, argument or entity the test uses. The test counts as failed with a
/// message starting with "runner: unsupported" so that gaps in the runner are never mistaken for passes or skips.
/// </summary>
public sealed class UnsupportedByRunnerException(string what) : Exception("runner: unsupported " + what);
