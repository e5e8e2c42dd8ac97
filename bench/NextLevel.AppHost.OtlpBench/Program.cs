using System.Diagnostics;
using System.Globalization;
using NextLevel.AppHost.OtlpBench;

// Load tool for the AppHost's OTLP receiver. Exports spans and log records over OTLP/gRPC at a fixed rate each
// (default 20,000/s), from several resources, while a simulated ops page queries the views, then keeps the load on
// for a soak and checks that memory stays bounded.
// Usage: dotnet run -c Release --project bench/NextLevel.AppHost.OtlpBench -- [--rate 20000] [--seconds 30] [--soak-seconds 120]
var rate = Option("--rate", 20_000);
var seconds = Option("--seconds", 30);
var soakSeconds = Option("--soak-seconds", 120);
string[] services = ["api", "worker", "web"];

Console.Error.WriteLine("Encoding payloads…");
// A pool large enough that a batch repeats only after its traces left the per-resource buffer (10,000 traces).
var poolSize = 10_000 / (Payloads.BatchSize / Payloads.SpansPerTrace) + 8;
var traceBodies = services.ToDictionary(s => s, s => Enumerable.Range(0, poolSize).Select(_ => Payloads.Traces(s)).ToArray());
var logBodies = services.ToDictionary(s => s, s => Enumerable.Range(0, 24).Select(_ => Payloads.Logs(s)).ToArray());

await using var host = await ReceiverHost.StartAsync();
using var exporter = new GrpcExporter(host.Grpc, host.ApiKey.Value);
using var page = new PageSimulator(host.Dashboard);
using var stop = new CancellationTokenSource();
var pageTask = page.RunAsync(stop.Token);

GC.Collect();
var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
Console.Error.WriteLine($"Receiver up; baseline heap {Mb(baselineHeap)} (payload pool included).");

await RunPhaseAsync("warm-up", TimeSpan.FromSeconds(5), report: false);
var (spans, logs, elapsed) = await RunPhaseAsync("measure", TimeSpan.FromSeconds(seconds), report: true);

var samples = new List<string>();
var soak = RunPhaseAsync("soak", TimeSpan.FromSeconds(soakSeconds), report: true);
var soakWatch = Stopwatch.StartNew();
while (!soak.IsCompleted)
{
    await Task.WhenAny(soak, Task.Delay(TimeSpan.FromSeconds(15)));
    // Live objects after a full collection: what the repository retains, not garbage waiting for the GC.
    samples.Add($"{soakWatch.Elapsed.TotalSeconds,5:F0} s  live heap {Mb(GC.GetTotalMemory(forceFullCollection: true)),8}  working set {Mb(Process.GetCurrentProcess().WorkingSet64),8}");
}
await soak;

stop.Cancel();
await pageTask;
var finalHeap = GC.GetTotalMemory(forceFullCollection: true);

Console.WriteLine();
Console.WriteLine("Memory during the soak:");
samples.ForEach(Console.WriteLine);
Console.WriteLine($"After the soak (full GC): heap {Mb(finalHeap)}, {Mb(finalHeap - baselineHeap)} above baseline.");
foreach (var service in services)
{
    Console.WriteLine($"  {service}: {host.Repository.CountLogs(service):N0} logs (cap {host.Repository.Limits.MaxLogsPerResource:N0}), "
        + $"{host.Repository.CountTraces(service):N0} traces (cap {host.Repository.Limits.MaxTracesPerResource:N0})");
}
Console.WriteLine($"Page: {page.Queries:N0} queries, {page.Failures} failed, slowest {page.SlowestQueryMs:F0} ms.");
return 0;

async Task<(double Spans, double Logs, TimeSpan Elapsed)> RunPhaseAsync(string name, TimeSpan duration, bool report)
{
    var spanRecorder = new LatencyRecorder("spans");
    var logRecorder = new LatencyRecorder("logs");
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(
        OpenLoopAsync(GrpcExporter.TracesPath, traceBodies, spanRecorder, duration),
        OpenLoopAsync(GrpcExporter.LogsPath, logBodies, logRecorder, duration));
    watch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var spansPerSecond = spanRecorder.Items / watch.Elapsed.TotalSeconds;
    var logsPerSecond = logRecorder.Items / watch.Elapsed.TotalSeconds;
    if (report)
    {
        Console.WriteLine($"== {name}: {watch.Elapsed.TotalSeconds:F0} s at a target of {rate:N0}/s per signal, {services.Length} resources, batches of {Payloads.BatchSize}");
        foreach (var (recorder, perSecond) in new[] { (spanRecorder, spansPerSecond), (logRecorder, logsPerSecond) })
        {
            var (p50, p99, max, exports) = recorder.Percentiles();
            Console.WriteLine($"  {recorder.Name,-6} {perSecond,10:N0}/s  exports {exports,6:N0}  latency p50 {p50,6:F1} ms  p99 {p99,6:F1} ms  max {max,6:F1} ms  failures {recorder.Failures}");
        }
        // CPU the whole process (receiver, storage, page queries and the load generator itself) spent per item:
        // the figure that holds whatever else the machine is running.
        var items = spanRecorder.Items + logRecorder.Items;
        Console.WriteLine($"  CPU {cpu.TotalSeconds:F1} s for {items:N0} items: {cpu.TotalMicroseconds / Math.Max(1, items):F1} µs per item, "
            + $"{Environment.ProcessorCount * 1_000_000 / Math.Max(0.001, cpu.TotalMicroseconds / Math.Max(1, items)):N0} items/s on {Environment.ProcessorCount} free cores; load average {LoadAverage()}");
    }
    return (spansPerSecond, logsPerSecond, watch.Elapsed);
}

// Starts one export every 1/(rate/batch) seconds, whatever the previous ones are doing (a fixed arrival rate, as
// several services exporting independently), rotating over the resources.
async Task OpenLoopAsync(string path, Dictionary<string, byte[][]> bodies, LatencyRecorder recorder, TimeSpan duration)
{
    var interval = TimeSpan.FromSeconds((double)Payloads.BatchSize / rate);
    var inFlight = new List<Task>();
    var watch = Stopwatch.StartNew();
    for (var i = 0L; watch.Elapsed < duration; i++)
    {
        var due = interval * i;
        if (due > watch.Elapsed)
        {
            await Task.Delay(due - watch.Elapsed);
        }
        var service = services[i % services.Length];
        var pool = bodies[service];
        var body = pool[(i / services.Length) % pool.Length];
        inFlight.Add(SendAsync(path, body, recorder));
        inFlight.RemoveAll(t => t.IsCompleted);
    }
    await Task.WhenAll(inFlight);
}

async Task SendAsync(string path, byte[] body, LatencyRecorder recorder)
{
    try
    {
        recorder.Record(await exporter.ExportAsync(path, body, CancellationToken.None), Payloads.BatchSize);
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
    {
        if (recorder.Failures == 0)
        {
            Console.Error.WriteLine($"First {recorder.Name} export failure: {e.Message}");
        }
        recorder.Fail();
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
