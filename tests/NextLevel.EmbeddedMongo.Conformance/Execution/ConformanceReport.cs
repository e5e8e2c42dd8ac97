using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>All test results of a run, with the environment the requirements were evaluated against.</summary>
public sealed class ConformanceReport(ServerEnvironment environment, IReadOnlyList<TestResult> results, int ignoredEventExpectations, bool eventsChecked = false)
{
    public ServerEnvironment Environment => environment;

    public IReadOnlyList<TestResult> Results => results;

    /// <summary>Number of executed tests whose expectEvents (command monitoring) were not asserted.</summary>
    public int IgnoredEventExpectations => ignoredEventExpectations;

    /// <summary>Whether expectEvents were asserted (not turned off with --ignore-events).</summary>
    public bool EventsChecked => eventsChecked;

    public int Passed => results.Count(r => r.Status == TestStatus.Passed);

    public int Failed => results.Count(r => r.Status == TestStatus.Failed);

    public int Skipped => results.Count(r => r.Status == TestStatus.Skipped);

    public IEnumerable<TestResult> Failures => results.Where(r => r.Status == TestStatus.Failed);

    /// <summary>passed / (passed + failed); 0 when nothing ran.</summary>
    public double PassRate => Passed + Failed == 0 ? 0 : (double)Passed / (Passed + Failed);

    /// <summary>The closing line: "N passed, N failed, N skipped".</summary>
    public string SummaryLine => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
