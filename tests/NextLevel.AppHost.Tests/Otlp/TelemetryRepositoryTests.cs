using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NextLevel.AppHost.Otlp;
using NextLevel.AppHost.Otlp.Proto.Collector.Metrics;
using NextLevel.AppHost.Otlp.Proto.Common;
using NextLevel.AppHost.Otlp.Proto.Metrics;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Tests.Otlp;

/// <summary>The repository's bounds and grouping, through the transport-neutral export services.</summary>
public sealed class TelemetryRepositoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

    private TelemetryRepository Repository(Action<TelemetryLimitOptions>? configure = null)
    {
        var limits = new TelemetryLimitOptions();
        configure?.Invoke(limits);
        return new TelemetryRepository(Options.Create(limits), _time);
    }

    [Fact]
    public void Logs_past_the_per_resource_cap_drop_the_oldest_and_leave_other_resources_alone()
    {
        var repository = Repository(l => l.MaxLogsPerResource = 50);
        var logs = new OtlpLogsService(repository);

        logs.Export(OtlpMessages.Logs("api", 120));
        logs.Export(OtlpMessages.Logs("worker", 10));

        Assert.Equal(50, repository.CountLogs("api"));
        Assert.Equal(10, repository.CountLogs("worker"));
        var newest = repository.GetLogs(new GetLogsContext(Resource: "api", Limit: 1000)).Items;
        Assert.Equal(50, newest.Count);
        Assert.Equal("lead-119", newest[0].Attributes.Single(a => a.Key == "LeadId").Value);
        Assert.Equal("lead-70", newest[^1].Attributes.Single(a => a.Key == "LeadId").Value);
    }

    [Fact]
    public void Traces_past_the_per_resource_cap_drop_the_oldest_trace()
    {
        var repository = Repository(l => l.MaxTracesPerResource = 10);
        var traces = new OtlpTraceService(repository);

        traces.Export(OtlpMessages.Traces("api", traces: 25, spansPerTrace: 3));

        Assert.Equal(10, repository.CountTraces("api"));
        var kept = repository.GetTraces(new GetTracesContext(Limit: 1000));
        Assert.Equal(10, kept.TotalCount);
        Assert.All(kept.Items, trace => Assert.Equal(3, trace.Spans.Count));
        var first = OtlpMessages.Traces("api", 1, 1);
        Assert.Null(repository.GetTrace(Convert.ToHexStringLower(first.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.Span)));
    }

    [Fact]
    public void A_trace_joins_the_spans_every_resource_sent_and_a_runaway_trace_is_capped()
    {
        var repository = Repository(l => l.MaxSpansPerTrace = 4);
        var traces = new OtlpTraceService(repository);

        traces.Export(OtlpMessages.Traces("web", traces: 1, spansPerTrace: 2));
        traces.Export(OtlpMessages.Traces("api", traces: 1, spansPerTrace: 10));

        var id = repository.GetTraces(new GetTracesContext()).Items.Single().TraceId;
        var trace = repository.GetTrace(id)!;
        Assert.Equal(["web", "api"], trace.Resources.Order().Reverse());
        Assert.Equal(2 + 4, trace.Spans.Count);
        Assert.Single(repository.GetTraces(new GetTracesContext(Resource: "web")).Items);
    }

    [Fact]
    public void Traces_filter_on_minimum_duration()
    {
        var repository = Repository();
        new OtlpTraceService(repository).Export(OtlpMessages.Traces("api", traces: 3, spansPerTrace: 2));

        Assert.Equal(3, repository.GetTraces(new GetTracesContext(MinimumDurationMs: 5)).TotalCount);
        Assert.Equal(0, repository.GetTraces(new GetTracesContext(MinimumDurationMs: 6)).TotalCount);
    }

    [Fact]
    public void A_restarted_process_joins_its_resource_by_service_name()
    {
        var repository = Repository();
        var logs = new OtlpLogsService(repository);

        // Each message carries a new service.instance.id, as a restarted process does.
        logs.Export(OtlpMessages.Logs("api", 3));
        logs.Export(OtlpMessages.Logs("api", 2));

        Assert.Equal(["api"], repository.GetResourceNames());
        Assert.Equal(5, repository.CountLogs("api"));
    }

    [Fact]
    public void Metric_points_older_than_the_window_are_dropped()
    {
        var repository = Repository(l => l.MetricsWindow = TimeSpan.FromMinutes(10));
        var metrics = new OtlpMetricsService(repository);

        for (var minute = 0; minute < 30; minute++)
        {
            metrics.Export(Gauge("worker", "queue.depth", minute, _time.GetUtcNow()));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var points = repository.GetInstruments("worker", "queue.depth").Single().Series.Single().Points!;
        Assert.InRange(points.Count, 10, 11);
        Assert.Equal(29, points[^1].Value);
        Assert.Equal(repository.CountMetricPoints("worker"), points.Count);
    }

    [Fact]
    public void Metric_series_are_capped_in_points_and_in_dimension_combinations()
    {
        var repository = Repository(l => { l.MaxPointsPerSeries = 5; l.MaxSeriesPerInstrument = 3; });
        var metrics = new OtlpMetricsService(repository);

        for (var i = 0; i < 20; i++)
        {
            metrics.Export(Gauge("api", "requests", i, _time.GetUtcNow(), dimension: $"route-{i % 6}"));
        }

        var instrument = repository.GetInstruments("api", "requests").Single();
        Assert.Equal(3, instrument.Series.Count);
        Assert.All(instrument.Series, s => Assert.InRange(s.Points!.Count, 1, 5));
    }

    [Fact]
    public void Secret_looking_attribute_values_are_masked_when_stored()
    {
        var repository = Repository();
        var request = OtlpMessages.Logs("api", 1, message: "connecting to mongodb://app:s3cret@db:27017/x");
        var record = request.ResourceLogs[0].ScopeLogs[0].LogRecords[0];
        record.Attributes.Add(new KeyValue { Key = "Authorization", Value = new AnyValue { StringValue = "Bearer abc" } });
        record.Attributes.Add(new KeyValue { Key = "twilio.auth_token", Value = new AnyValue { StringValue = "tok" } });
        record.Attributes.Add(new KeyValue { Key = "headers", Value = new AnyValue { StringValue = "x-otlp-api-key=abc123" } });
        new OtlpLogsService(repository).Export(request);

        var entry = repository.GetLogs(new GetLogsContext()).Items.Single();
        Assert.Equal("connecting to mongodb://app:****@db:27017/x", entry.Message);
        Assert.Equal("****", entry.Attributes.Single(a => a.Key == "twilio.auth_token").Value);
        Assert.Equal("x-otlp-api-key=****", entry.Attributes.Single(a => a.Key == "headers").Value);
        Assert.DoesNotContain(entry.Attributes, a => a.Value.Contains("s3cret", StringComparison.Ordinal) || a.Value.Contains("abc123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribers_are_called_at_most_once_per_interval_however_fast_telemetry_arrives()
    {
        var repository = new TelemetryRepository(Options.Create(new TelemetryLimitOptions()), TimeProvider.System);
        var logs = new OtlpLogsService(repository);
        var calls = 0;
        using var subscription = repository.Subscribe(TelemetrySignal.Logs, () => Interlocked.Increment(ref calls));

        var until = DateTime.UtcNow.AddMilliseconds(550);
        while (DateTime.UtcNow < until)
        {
            logs.Export(OtlpMessages.Logs("api", 1));
        }
        await Task.Delay(250);

        Assert.InRange(calls, 2, 8);
    }

    private static ExportMetricsServiceRequest Gauge(string service, string name, double value, DateTimeOffset at, string? dimension = null)
    {
        var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = (ulong)(at - DateTimeOffset.UnixEpoch).Ticks * 100 };
        if (dimension is not null)
        {
            point.Attributes.Add(new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = dimension } });
        }
        var metric = new Metric { Name = name, Gauge = new NextLevel.AppHost.Otlp.Proto.Metrics.Gauge() };
        metric.Gauge.DataPoints.Add(point);
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "tests" } };
        scope.Metrics.Add(metric);
        var resource = new NextLevel.AppHost.Otlp.Proto.Resource.Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        var resourceMetrics = new ResourceMetrics { Resource = resource };
        resourceMetrics.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }
}
