using NextLevel.EmbeddedMongo.Conformance;
using NextLevel.EmbeddedMongo.Conformance.Execution;

// Unified-format CRUD spec runner. Prints failing tests with reasons, per-file summaries, and as its last line
// "N passed, N failed, N skipped". The exit code is 0 whatever the pass rate: the gate is an xunit test.
CommandLineOptions options;
try
{
    options = CommandLineOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync("usage: [<dir or file>...] [--connection-string <uri>] [--filter <text>] [--verbose] [--ignore-events] [--markdown <file>]");
    return 2;
}

List<string> paths;
try
{
    paths = options.Paths.Count > 0 ? options.Paths : [TestFileLocator.DefaultCrudDirectory()];
    paths = TestFileLocator.Expand(paths).ToList();
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var target = await ServerTarget.StartAsync(options.ConnectionString, cancellation.Token);
var runner = new UnifiedTestRunner(new UnifiedTestRunnerOptions
{
    ConnectionString = target.ConnectionString,
    Filter = options.Filter,
    Verbose = options.Verbose,
    CheckEvents = options.CheckEvents,
    Output = Console.Out,
});
var report = await runner.RunAsync(paths, cancellation.Token);

if (options.MarkdownPath is not null)
{
    var description = options.ConnectionString is null ? "the in-process embedded engine" : "the server given by --connection-string";
    await File.WriteAllTextAsync(options.MarkdownPath, MarkdownReport.Render(report, description, DateTimeOffset.UtcNow), cancellation.Token);
}

Console.WriteLine(report.EventsChecked
    ? $"Pass rate: {report.PassRate:P1} of executed tests; event assertions (expectEvents) checked"
    : $"Pass rate: {report.PassRate:P1} of executed tests; event assertions (expectEvents) ignored in {report.IgnoredEventExpectations} tests");
Console.WriteLine(report.SummaryLine);
return 0;
