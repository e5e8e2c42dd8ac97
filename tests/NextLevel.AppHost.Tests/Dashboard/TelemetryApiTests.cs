using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NextLevel.AppHost.Otlp;
using NextLevel.AppHost.Tests.Otlp;

namespace NextLevel.AppHost.Tests.Dashboard;

/// <summary>The JSON endpoints beside /api/resources: logs, traces, one trace, metrics.</summary>
public sealed class TelemetryApiTests : IAsyncLifetime
{
    private InProcessReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await InProcessReceiver.StartAsync();
        new OtlpLogsService(_receiver.Repository).Export(OtlpMessages.Logs("api", 30));
        new OtlpLogsService(_receiver.Repository).Export(OtlpMessages.Logs("worker", 5, message: "step sent"));
        new OtlpTraceService(_receiver.Repository).Export(OtlpMessages.Traces("api", traces: 4, spansPerTrace: 3));
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = _receiver.DashboardUrl };
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = _receiver.DashboardUrl };
        return await client.GetAsync(path);
    }

    [Fact]
    public async Task Logs_filter_by_resource_text_and_limit_newest_first()
    {
        var page = await GetJsonAsync("api/logs?resource=api&q=lead-2&limit=3");

        Assert.Equal(11, page.GetProperty("totalCount").GetInt32()); // lead-2 and lead-20…lead-29
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        Assert.All(items, i => Assert.Equal("api", i.GetProperty("resource").GetString()));
        Assert.Equal("lead-29", items[0].GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "LeadId").GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_unknown_level_is_a_validation_problem()
    {
        using var response = await GetAsync("api/logs?level=loud");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("level", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traces_list_summaries_and_one_trace_has_spans_with_parents()
    {
        var list = await GetJsonAsync("api/traces?resource=api&minDurationMs=1&limit=2");
        Assert.Equal(4, list.GetProperty("totalCount").GetInt32());
        var first = list.GetProperty("items")[0];
        Assert.Equal("GET /health", first.GetProperty("rootName").GetString());
        Assert.Equal(3, first.GetProperty("spanCount").GetInt32());

        var trace = await GetJsonAsync($"api/traces/{first.GetProperty("traceId").GetString()}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
        Assert.Equal(3, spans.Length);
        var root = spans.Single(s => s.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        Assert.All(spans.Where(s => s.GetProperty("spanId").GetString() != root.GetProperty("spanId").GetString()),
            s => Assert.Equal(root.GetProperty("spanId").GetString(), s.GetProperty("parentSpanId").GetString()));
        Assert.Equal("api", root.GetProperty("resource").GetString());
        Assert.True(root.GetProperty("durationMs").GetDouble() > 0);
    }

    [Fact]
    public async Task An_unknown_trace_is_404()
    {
        using var response = await GetAsync("api/traces/00000000000000000000000000000001");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
