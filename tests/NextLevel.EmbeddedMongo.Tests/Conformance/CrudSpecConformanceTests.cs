using NextLevel.EmbeddedMongo.Conformance;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using Xunit.Abstractions;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The pass-rate gate: the official unified-format CRUD spec tests (read from shared/mongo-spec/crud beside the
/// repository) run against an in-process engine, and at least 90% of the tests that apply to a MongoDB 7.0
/// standalone must pass.
/// </summary>
public class CrudSpecConformanceTests(ITestOutputHelper output)
{
    private const double RequiredPassRate = 0.90;

    [Fact]
    public async Task Crud_spec_tests_pass_at_least_90_percent_against_the_embedded_engine()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await using var target = await ServerTarget.StartAsync(connectionString: null, cancellation.Token);
        using var progress = new StringWriter();
        var runner = new UnifiedTestRunner(new UnifiedTestRunnerOptions { ConnectionString = target.ConnectionString, Output = progress });

        var report = await runner.RunAsync([TestFileLocator.DefaultCrudDirectory()], cancellation.Token);
        output.WriteLine(progress.ToString());
        output.WriteLine(report.SummaryLine);

        var failures = string.Join(Environment.NewLine, report.Failures.Select(f => $"  {f.DisplayName} — {f.Reason}"));
        Assert.True(report.PassRate >= RequiredPassRate,
            $"CRUD spec pass rate {report.PassRate:P1} is below {RequiredPassRate:P0} ({report.SummaryLine}). Failing tests:{Environment.NewLine}{failures}");
    }
}
