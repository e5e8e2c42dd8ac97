using System.Net;
using System.Text;
using System.Text.Json;

namespace NextLevel.AppHost.Tests.EndToEnd;

/// <summary>
/// The running system's own telemetry reaches the AppHost: a lead posted to the Api's Zillow webhook is one trace
/// with the Api's request span and the MongoDB driver's spans under it, its log entries carry that trace, and the
/// contact values of the lead appear in none of the stored logs or spans.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class TelemetryEndToEndTests(RunningSystemFixture system)
{
    private static readonly TimeSpan TelemetryTimeout = TimeSpan.FromSeconds(30);

    private const string Name = "Ramona Quillfeather";
    private const string Email = "ramona.quillfeather@example.org";
    private const string Phone = "(512) 555-0187";

    [Fact]
    public async Task A_posted_lead_is_one_trace_from_api_to_MongoDB_with_its_logs_and_no_contact_values()
    {
        using var api = await system.App.CreateHttpClientAsync("api");
        var form = $"listingId=TEL-{Guid.NewGuid():N}&name={Uri.EscapeDataString(Name)}&email={Uri.EscapeDataString(Email)}"
            + $"&phone={Uri.EscapeDataString(Phone)}&listingStreet=12%20Birch%20Lane&listingCity=Austin&listingState=TX&listingPostalCode=78701&intent=seller";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/zillow")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Zillow-Secret", RunningSystemFixture.ZillowSecret);
        using var posted = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var trace = await EventuallyAsync(async () =>
        {
            var traces = await system.App.GetJsonAsync("api/traces?resource=api&limit=1000");
            var summary = traces.GetProperty("items").EnumerateArray()
                .FirstOrDefault(t => t.GetProperty("rootName").GetString()!.Contains("zillow", StringComparison.OrdinalIgnoreCase));
            if (summary.ValueKind == JsonValueKind.Undefined)
            {
                return (JsonElement?)null;
            }
            var full = await system.App.GetJsonAsync($"api/traces/{summary.GetProperty("traceId").GetString()}");
            return full.GetProperty("spans").EnumerateArray().Any(IsMongoSpan) ? full : null;
        }, "a trace of the Zillow webhook with MongoDB spans");

        var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
        var root = spans.Single(s => s.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        Assert.Equal("api", root.GetProperty("resource").GetString());
        Assert.Equal("Server", root.GetProperty("kind").GetString());
        var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        Assert.All(spans.Where(s => s.GetProperty("spanId").GetString() != root.GetProperty("spanId").GetString()),
            s => Assert.Contains(s.GetProperty("parentSpanId").GetString(), ids));
        Assert.Contains(spans, IsMongoSpan);

        var traceId = trace.GetProperty("traceId").GetString();
        var logs = await EventuallyAsync(async () =>
        {
            var page = await system.App.GetJsonAsync($"api/logs?resource=api&traceId={traceId}");
            return page.GetProperty("totalCount").GetInt32() > 0 ? page : (JsonElement?)null;
        }, "the lead's log entries");
        Assert.Contains(logs.GetProperty("items").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("received from", StringComparison.Ordinal));

        // Nothing stored anywhere carries the lead's contact values.
        var everything = (await system.App.GetJsonAsync("api/logs?limit=1000")).GetRawText();
        var allTraces = await system.App.GetJsonAsync("api/traces?limit=1000");
        var spansText = new StringBuilder();
        foreach (var summary in allTraces.GetProperty("items").EnumerateArray())
        {
            spansText.Append((await system.App.GetJsonAsync($"api/traces/{summary.GetProperty("traceId").GetString()}")).GetRawText());
        }
        foreach (var contact in new[] { "Quillfeather", "ramona.quillfeather", "555-0187", "5125550187", "555" + "0187" })
        {
            Assert.DoesNotContain(contact, everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(contact, spansText.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Every_service_reports_metrics_and_the_api_its_request_durations()
    {
        var metrics = await EventuallyAsync(async () =>
        {
            var all = await system.App.GetJsonAsync("api/metrics");
            var resources = all.EnumerateArray().Select(m => m.GetProperty("resource").GetString()).ToHashSet();
            return resources.IsSupersetOf(["api", "worker", "web"]) ? all : (JsonElement?)null;
        }, "metrics from api, worker and web");

        Assert.Contains(metrics.EnumerateArray(), m =>
            m.GetProperty("resource").GetString() == "api" && m.GetProperty("name").GetString() == "dotnet.process.memory.working_set");
    }

    [Fact]
    public async Task An_export_without_the_api_key_is_refused()
    {
        var environment = (await system.App.GetJsonAsync("api/resources/api/environment")).EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetString()!);
        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=****", environment["OTEL_EXPORTER_OTLP_HEADERS"]);

        var grpc = new Uri(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        using var client = new HttpClient();
        using var refused = new HttpRequestMessage(HttpMethod.Post, new Uri(grpc, "/opentelemetry.proto.collector.trace.v1.TraceService/Export"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        refused.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var response = await client.SendAsync(refused);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single() : response.Headers.GetValues("grpc-status").Single();
        Assert.Equal("16", status);
    }

    private static bool IsMongoSpan(JsonElement span) =>
        span.GetProperty("attributes").EnumerateArray().Any(a =>
            a.GetProperty("key").GetString() == "db.system" && a.GetProperty("value").GetString() == "mongodb")
        || span.GetProperty("scope").GetString()!.Contains("MongoDB", StringComparison.OrdinalIgnoreCase);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt, string what)
    {
        var deadline = DateTime.UtcNow + TelemetryTimeout;
        while (true)
        {
            if (await attempt() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} within {TelemetryTimeout.TotalSeconds} s.");
            }
            await Task.Delay(500);
        }
    }
}
