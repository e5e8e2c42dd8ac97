using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Operations;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class RunnerPlumbingTests
{
    [Fact]
    public void Unused_operation_arguments_are_reported_as_a_runner_gap()
    {
        var arguments = new OperationArguments("find", BsonDocument.Parse("{ filter: {}, rawData: true }"));
        arguments.Filter();
        var error = Assert.Throws<UnsupportedByRunnerException>(arguments.EnsureAllUsed);
        Assert.StartsWith("runner: unsupported argument 'rawData' of 'find'", error.Message);
    }

    [Fact]
    public void Used_and_accepted_arguments_pass()
    {
        var arguments = new OperationArguments("runCommand", BsonDocument.Parse("{ command: { ping: 1 }, commandName: 'ping' }"));
        arguments.RequiredDocument("command");
        arguments.Accept("commandName");
        arguments.EnsureAllUsed();
    }

    [Fact]
    public void Uri_options_are_appended_and_override_the_connection_string()
    {
        var uri = ConnectionStrings.WithOptions("mongodb://127.0.0.1:27017/?retryWrites=true&appname=x",
            BsonDocument.Parse("{ retryWrites: false, w: 'majority', heartbeatFrequencyMS: 500 }"));
        Assert.Equal("mongodb://127.0.0.1:27017/?appname=x&retryWrites=false&w=majority&heartbeatFrequencyMS=500", uri);
    }

    [Fact]
    public void Uri_options_get_a_path_separator_when_the_connection_string_has_none()
        => Assert.Equal("mongodb://localhost:1/?w=1", ConnectionStrings.WithOptions("mongodb://localhost:1", BsonDocument.Parse("{ w: 1 }")));

    [Fact]
    public void Bulk_write_results_key_ids_by_request_index()
    {
        var ids = WriteResults.IdsByIndex([(0, 1), (3, "x")]);
        Assert.Equal(BsonDocument.Parse("{ '0': 1, '3': 'x' }"), ids);
    }

    [Fact]
    public void Command_line_takes_paths_and_options()
    {
        var options = CommandLineOptions.Parse(["a.json", "--connection-string", "mongodb://h:1", "--filter", "upsert", "--verbose", "dir"]);
        Assert.Equal(["a.json", "dir"], options.Paths);
        Assert.Equal("mongodb://h:1", options.ConnectionString);
        Assert.Equal("upsert", options.Filter);
        Assert.True(options.Verbose);
        Assert.True(options.CheckEvents);
    }

    [Fact]
    public void Command_line_can_turn_event_assertions_off()
        => Assert.False(CommandLineOptions.Parse(["--ignore-events"]).CheckEvents);

    [Fact]
    public void Command_line_rejects_unknown_options()
        => Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(["--nope"]));

    [Fact]
    public void Repository_root_is_found_above_the_test_binaries()
    {
        var root = TestFileLocator.FindRepositoryRoot(AppContext.BaseDirectory);
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, TestFileLocator.SolutionFileName)));
    }

    [Fact]
    public void Markdown_report_lists_totals_failures_and_skip_reasons()
    {
        var report = new ConformanceReport(
            NextLevel.EmbeddedMongo.Conformance.Requirements.ServerEnvironment.EmbeddedDefault(),
            [
                new TestResult("a.json", "works", TestStatus.Passed, null),
                new TestResult("a.json", "breaks", TestStatus.Failed, "operation 0 (find): expected 1 | got 2"),
                new TestResult("b.json", "old", TestStatus.Skipped, "needs server <= 4.2.99"),
            ],
            ignoredEventExpectations: 1);

        var markdown = MarkdownReport.Render(report, "the in-process embedded engine", new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero));

        Assert.Contains("| passed | 1 |", markdown);
        Assert.Contains("| failed | 1 |", markdown);
        Assert.Contains("**50.0 %**", markdown);
        Assert.Contains("| a.json | breaks | operation 0 (find): expected 1 \\| got 2 |", markdown);
        Assert.Contains("| 1 | needs server <= 4.2.99 |", markdown);
        Assert.Equal("1 passed, 1 failed, 1 skipped", report.SummaryLine);
    }
}
