namespace NextLevel.EmbeddedMongo.Conformance.Execution;

public enum TestStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The outcome of one test of one file; <see cref="Reason"/> explains failures and skips.</summary>
public sealed record TestResult(string FileName, string TestName, TestStatus Status, string? Reason)
{
    public string DisplayName => $"{FileName} :: {TestName}";
}
