using System.Globalization;
using NextLevel.Api.LoadTest;

// Posts N Google Ads lead deliveries at concurrency C through POST /webhooks/leads/google-ads and reports
// throughput and latency percentiles per run and their medians. See docs/performance.md ("Lead intake").
var options = LoadTestOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(LoadTestOptions.Usage);
    return 2;
}

await using var stack = options.Url is null ? await LocalStack.StartAsync(options.Configuration, options.Key) : null;
var api = options.Url ?? stack!.ApiUrl;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = api,
    Timeout = TimeSpan.FromSeconds(30),
};

Console.WriteLine($"api {api} · {options.Leads} leads per run · concurrency {options.Concurrency} · {options.Runs} runs · warm-up {options.Warmup} · {Environment.ProcessorCount} cores");
if (options.Warmup > 0)
{
    var warm = await LeadLoad.RunAsync(http, LeadLoad.Payloads(options.Warmup, options.Key, "warm" + Guid.NewGuid().ToString("N")[..6]), options.Concurrency);
    Console.WriteLine($"warm-up: {warm.PerSecond:F0} leads/s, failed {warm.Failed}");
}

var results = new List<LeadLoad.Result>();
for (var run = 1; run <= options.Runs; run++)
{
    var bodies = LeadLoad.Payloads(options.Leads, options.Key, $"r{run}" + Guid.NewGuid().ToString("N")[..6]);
    var result = await LeadLoad.RunAsync(http, bodies, options.Concurrency);
    results.Add(result);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {result.PerSecond,7:F0} leads/s  p50 {result.P50Ms,6:F1} ms  p95 {result.P95Ms,6:F1} ms  p99 {result.P99Ms,6:F1} ms  max {result.MaxMs,7:F1} ms  failed {result.Failed}"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: {Median(results.Select(r => r.PerSecond)),7:F0} leads/s  p50 {Median(results.Select(r => r.P50Ms)),6:F1} ms  p95 {Median(results.Select(r => r.P95Ms)),6:F1} ms  p99 {Median(results.Select(r => r.P99Ms)),6:F1} ms  failed {results.Sum(r => r.Failed)}"));
return results.Sum(r => r.Failed) == 0 ? 0 : 1;
