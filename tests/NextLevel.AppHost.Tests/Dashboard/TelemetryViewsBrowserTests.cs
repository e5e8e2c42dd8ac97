using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NextLevel.AppHost.Tests.Otlp;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NextLevel.AppHost.Tests.Dashboard;

/// <summary>
/// The ops page's telemetry views in a real browser, behind the login token, over telemetry the real exporter sent:
/// a web → api → MongoDB trace, logs linked to it, and a counter and histogram.
/// </summary>
public sealed class TelemetryViewsBrowserTests : IAsyncLifetime
{
    private InProcessReceiver _receiver = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _traceId = "";

    public async Task InitializeAsync()
    {
        _receiver = await InProcessReceiver.StartAsync(secured: true);
        _traceId = SendTelemetry();
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_page_asks_for_the_token_then_shows_logs_traces_a_waterfall_and_metrics()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

        await page.GotoAsync(_receiver.DashboardUrl.ToString());
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
        await page.Locator("#token").WaitForAsync();
        await Browser.ScreenshotAsync(page, "00-login");

        await page.GotoAsync($"{_receiver.DashboardUrl}login?t={_receiver.Token.Token}");
        await page.Locator("#view-resources").WaitForAsync();

        // Structured logs: newest first, filter by minimum level, expand to attributes and the trace link.
        await page.GotoAsync($"{_receiver.DashboardUrl}#/logs");
        await page.Locator("#logs tr.log").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("#logs tr.log").CountAsync());
        await page.SelectOptionAsync("#logs-filters select[name=level]", "Warning");
        await Expect(() => page.Locator("#logs tr.log").CountAsync(), 1);
        await page.Locator("#logs tr.log").First.ClickAsync();
        await page.Locator("#logs .log-details").WaitForAsync();
        Assert.Contains("quiet_hours", await page.Locator("#logs .log-details").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "01-structured-logs");

        // Traces: the list, then the waterfall across web, api and the MongoDB driver's span.
        await page.GotoAsync($"{_receiver.DashboardUrl}#/traces");
        await page.Locator("#traces tr").First.WaitForAsync();
        Assert.Contains("GET /leads", await page.Locator("#traces").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "02-traces");
        await page.Locator("#traces a").First.ClickAsync();
        await page.Locator("#waterfall .span-row").First.WaitForAsync();
        Assert.Equal(3, await page.Locator("#waterfall .span-row").CountAsync());
        Assert.Contains(_traceId, await page.Locator("#trace-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#waterfall .span-row").Nth(2).ClickAsync();
        Assert.Contains("mongodb", await page.Locator("#span-details").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "03-trace-waterfall");

        // Metrics: the resource's instruments, a chart and a table with a dimension filter.
        await page.GotoAsync($"{_receiver.DashboardUrl}#/metrics?resource=worker");
        await page.Locator("#instruments li", new PageLocatorOptions { HasText = "nextlevel.steps.sent" }).ClickAsync();
        await page.Locator("#instrument svg.chart").WaitForAsync();
        Assert.Equal(2, await page.Locator("#instrument .metric-table tbody tr").CountAsync());
        await page.SelectOptionAsync("#instrument select[name=channel]", "sms");
        await Expect(() => page.Locator("#instrument .metric-table tbody tr").CountAsync(), 1);
        await Browser.ScreenshotAsync(page, "04-metrics");
    }

    private static async Task Expect(Func<Task<int>> count, int expected)
    {
        for (var i = 0; i < 50 && await count() != expected; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(expected, await count());
    }

    private string SendTelemetry()
    {
        var grpc = _receiver.GrpcEndpoint;
        var key = _receiver.ApiKey.Value;
        using var source = new ActivitySource("views");
        string traceId;
        using (var web = Exporters.Tracer("web", "views", grpc, OtlpExportProtocol.Grpc, key))
        {
            using var root = source.StartActivity("GET /leads", ActivityKind.Server)!;
            traceId = root.TraceId.ToHexString();
            using (var api = source.StartActivity("GET /api/leads", ActivityKind.Server)!)
            {
                using var mongo = source.StartActivity("find leads", ActivityKind.Client)!;
                mongo.SetTag("db.system", "mongodb");
            }
        }
        using (var logs = Exporters.Logger("worker", grpc, OtlpExportProtocol.Grpc, key))
        {
            var logger = logs.CreateLogger("NextLevel.Worker");
            logger.LogInformation("Step {StepId} sent", "step-1");
            logger.LogWarning("Step {StepId} blocked by {Reason}", "step-2", "quiet_hours");
        }
        using var meter = new Meter("views.meter");
        var sent = meter.CreateCounter<long>("nextlevel.steps.sent");
        using (var provider = Exporters.Meter("worker", "views.meter", grpc, OtlpExportProtocol.Grpc, key))
        {
            sent.Add(3, new KeyValuePair<string, object?>("channel", "sms"));
            sent.Add(1, new KeyValuePair<string, object?>("channel", "email"));
            provider.ForceFlush(5000);
        }
        return traceId;
    }
}
