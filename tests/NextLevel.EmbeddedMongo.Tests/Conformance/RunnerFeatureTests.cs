using NextLevel.EmbeddedMongo.Conformance;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Runs a small unified-format file of our own (RunnerFeatures/runner-features.json) against the embedded engine to
/// check the runner's cursor, index, collection, command, entity and event handling, and its pass/fail/skip verdicts.
/// </summary>
public class RunnerFeatureTests
{
    private static readonly string FeatureFile = Path.Combine(
        TestFileLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("repository root"),
        "tests", "NextLevel.EmbeddedMongo.Tests", "Conformance", "RunnerFeatures", "runner-features.json");

    private static async Task<Dictionary<string, TestResult>> RunAsync()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var target = await ServerTarget.StartAsync(connectionString: null, cancellation.Token);
        var runner = new UnifiedTestRunner(new UnifiedTestRunnerOptions { ConnectionString = target.ConnectionString });
        var report = await runner.RunAsync([FeatureFile], cancellation.Token);
        return report.Results.ToDictionary(r => r.TestName);
    }

    [Fact]
    public async Task Runner_verdicts_follow_the_file()
    {
        var results = await RunAsync();

        foreach (var name in new[]
                 {
                     "find cursor is iterated one document at a time and closed",
                     "indexes are created, listed, asserted and dropped",
                     "collections are created, listed and dropped",
                     "runCommand replies and saved results are matched",
                     "outcome compares the collection exactly",
                 })
            Assert.True(results[name].Status == TestStatus.Passed, $"{name}: {results[name].Reason}");

        Assert.Equal(TestStatus.Failed, results["a wrong expectation fails the test"].Status);
        Assert.Contains("expected 4", results["a wrong expectation fails the test"].Reason);
        Assert.Equal(TestStatus.Failed, results["an unsupported argument fails the test as a runner gap"].Status);
        Assert.StartsWith("runner: unsupported argument 'noSuchOption'", results["an unsupported argument fails the test as a runner gap"].Reason);
        Assert.Equal(TestStatus.Skipped, results["a fail point skips the test"].Status);
        Assert.Equal(TestStatus.Skipped, results["requirements the server does not meet skip the test"].Status);
    }
}
