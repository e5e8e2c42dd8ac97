using System.Diagnostics;
using System.Net;
using System.Text;

namespace NextLevel.Api.LoadTest;

/// <summary>One run: N distinct Google Ads lead deliveries at concurrency C, each timed from send to response.</summary>
internal static class LeadLoad
{
    public sealed record Result(int Leads, int Failed, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
    {
        public double PerSecond => Leads / Elapsed.TotalSeconds;
    }

    /// <summary>Pre-built bodies: unique lead id, phone, e-mail and address each, in Google's webhook format.</summary>
    public static byte[][] Payloads(int count, string key, string runId)
    {
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var n = i + 1;
            var phone = $"+1206{2 + n / 10_000_000 % 8}{n / 10_000 % 1000:D2}{n % 10_000:D4}";
            var json =
                $"{{\"lead_id\":\"{runId}-{n}\",\"api_version\":\"1.0\",\"form_id\":1234,\"campaign_id\":123456,\"adgroup_id\":0,\"creative_id\":0," +
                $"\"gcl_id\":\"load\",\"user_column_data\":[" +
                $"{{\"column_name\":\"Full Name\",\"string_value\":\"Load Tester\",\"column_id\":\"FULL_NAME\"}}," +
                $"{{\"column_name\":\"User Phone\",\"string_value\":\"{phone}\",\"column_id\":\"PHONE_NUMBER\"}}," +
                $"{{\"column_name\":\"User Email\",\"string_value\":\"lead{n}.{runId}@example.com\",\"column_id\":\"EMAIL\"}}," +
                $"{{\"column_name\":\"Street\",\"string_value\":\"{n} {runId} Street\",\"column_id\":\"STREET_ADDRESS\"}}," +
                $"{{\"column_name\":\"City\",\"string_value\":\"Seattle\",\"column_id\":\"CITY\"}}," +
                $"{{\"column_name\":\"State\",\"string_value\":\"WA\",\"column_id\":\"REGION\"}}," +
                $"{{\"column_name\":\"Zip\",\"string_value\":\"98101\",\"column_id\":\"POSTAL_CODE\"}}]," +
                $"\"google_key\":\"{key}\",\"is_test\":false}}";
            bodies[i] = Encoding.UTF8.GetBytes(json);
        }
        return bodies;
    }

    public static async Task<Result> RunAsync(HttpClient http, byte[][] bodies, int concurrency)
    {
        var latencies = new double[bodies.Length];
        var failed = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new("application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/webhooks/leads/google-ads", content);
                    if (response.StatusCode != HttpStatusCode.Created) Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new Result(bodies.Length, failed, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
