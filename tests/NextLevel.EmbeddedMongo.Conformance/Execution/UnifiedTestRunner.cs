using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Model;
using NextLevel.EmbeddedMongo.Conformance.Operations;
using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>
/// Runs unified-format spec test files against one server and reports every test as passed, failed (with the
/// reason) or skipped. Each test gets fresh entities and initial data; test files are data read at run time.
/// [Single use per run - not thread-safe]
/// </summary>
public sealed class UnifiedTestRunner(UnifiedTestRunnerOptions options)
{
    public async Task<ConformanceReport> RunAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(15);
        using var internalClient = new MongoClient(settings);
        var environment = options.Environment ?? await ServerEnvironmentProbe.DetectAsync(internalClient, options.ConnectionString, cancellationToken);
        options.Output.WriteLine($"Server: {environment.Version} ({environment.Topology}) at {Redact(options.ConnectionString)}");

        var executor = new TestCaseExecutor(internalClient, new EntityFactory(options.ConnectionString, options.CheckEvents), environment, options.CheckEvents);
        var results = new List<TestResult>();
        var ignoredEventExpectations = 0;
        foreach (var path in TestFileLocator.Expand(paths))
        {
            var fileResults = new List<TestResult>();
            ignoredEventExpectations += await RunFileAsync(path, environment, executor, fileResults, cancellationToken);
            if (fileResults.Count == 0) continue;
            results.AddRange(fileResults);
            PrintFile(Path.GetFileName(path), fileResults);
        }
        return new ConformanceReport(environment, results, ignoredEventExpectations, options.CheckEvents);
    }

    private async Task<int> RunFileAsync(string path, ServerEnvironment environment, TestCaseExecutor executor, List<TestResult> results, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        UnifiedTestFile file;
        try
        {
            file = UnifiedTestFile.Load(path);
        }
        catch (Exception ex) when (ex is FormatException or IOException or KeyNotFoundException or InvalidCastException)
        {
            if (Selected(fileName, "(file)")) results.Add(new TestResult(fileName, "(file)", TestStatus.Failed, $"runner: cannot read the file: {ex.Message}"));
            return 0;
        }

        var tests = file.Tests.Where(t => Selected(fileName, t.Description)).ToList();
        if (!SchemaVersionSupport.IsSupported(file.SchemaVersion))
        {
            results.AddRange(tests.Select(t => new TestResult(fileName, t.Description, TestStatus.Failed,
                $"runner: unsupported schemaVersion {file.SchemaVersion} (supports 1.x up to {SchemaVersionSupport.Supported})")));
            return 0;
        }

        var fileSkipReason = RunOnRequirementEvaluator.WhyNotSatisfied(file.RunOnRequirements, environment);
        var ignoredEvents = 0;
        foreach (var test in tests)
        {
            var skipReason = fileSkipReason ?? WhySkipped(test, environment);
            if (skipReason is not null)
            {
                results.Add(new TestResult(fileName, test.Description, TestStatus.Skipped, skipReason));
                continue;
            }
            if (test.ExpectEvents is not null && !options.CheckEvents) ignoredEvents++;
            results.Add(await RunTestAsync(file, test, executor, cancellationToken));
        }
        return ignoredEvents;
    }

    private static string? WhySkipped(UnifiedTestCase test, ServerEnvironment environment)
    {
        if (test.SkipReason is not null) return "skipReason: " + test.SkipReason;
        var requirementReason = RunOnRequirementEvaluator.WhyNotSatisfied(test.RunOnRequirements, environment);
        if (requirementReason is not null) return requirementReason;
        var usesFailPoint = test.Operations.Any(o => o["object"].AsString == "testRunner" && OperationDispatcher.IsFailPoint(o["name"].AsString));
        return usesFailPoint ? "uses a server fail point (failPoint), which the runner does not configure" : null;
    }

    private async Task<TestResult> RunTestAsync(UnifiedTestFile file, UnifiedTestCase test, TestCaseExecutor executor, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.TestTimeout);
        try
        {
            await executor.RunAsync(file, test, timeout.Token);
            return new TestResult(file.FileName, test.Description, TestStatus.Passed, null);
        }
        catch (TestSkippedException ex)
        {
            return new TestResult(file.FileName, test.Description, TestStatus.Skipped, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TestResult(file.FileName, test.Description, TestStatus.Failed, $"timed out after {options.TestTimeout.TotalSeconds:0}s");
        }
        catch (Exception ex) when (ex is TestAssertionException or UnsupportedByRunnerException)
        {
            return new TestResult(file.FileName, test.Description, TestStatus.Failed, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Setup, outcome reads or entity lookups failed outside any operation's expectations.
            return new TestResult(file.FileName, test.Description, TestStatus.Failed, $"error outside the operations: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private bool Selected(string fileName, string testName)
        => options.Filter is null || $"{fileName} :: {testName}".Contains(options.Filter, StringComparison.OrdinalIgnoreCase);

    private void PrintFile(string fileName, List<TestResult> results)
    {
        foreach (var result in results)
        {
            if (result.Status == TestStatus.Failed)
                options.Output.WriteLine($"FAIL {result.DisplayName} — {OneLine(result.Reason)}");
            else if (options.Verbose)
                options.Output.WriteLine($"{(result.Status == TestStatus.Passed ? "PASS" : "SKIP")} {result.DisplayName}{(result.Reason is null ? "" : " — " + OneLine(result.Reason))}");
        }
        var passed = results.Count(r => r.Status == TestStatus.Passed);
        var failed = results.Count(r => r.Status == TestStatus.Failed);
        var skipped = results.Count(r => r.Status == TestStatus.Skipped);
        options.Output.WriteLine($"  {fileName}: {passed} passed, {failed} failed, {skipped} skipped");
    }

    private static string OneLine(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ");

    /// <summary>Connection strings may hold credentials: print only the hosts.</summary>
    private static string Redact(string connectionString)
    {
        var url = new MongoUrl(connectionString);
        return string.Join(',', url.Servers.Select(s => s.ToString()));
    }
}
