namespace NextLevel.EmbeddedMongo.Bench;

/// <summary>Prints the results as Markdown, ready for the docs and the closing note.</summary>
public static class Report
{
    public static void Print(IReadOnlyList<SizeResult> results, BenchOptions options)
    {
        Console.WriteLine($"# Embedded engine load run — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {options.Duration.TotalSeconds:F0} s per operation");
        foreach (var result in results)
        {
            Console.WriteLine();
            Console.WriteLine($"## {result.Size:N0} leads");
            Console.WriteLine("| operation | connections | ops/s | p50 µs | p99 µs |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var op in result.Operations)
                Console.WriteLine($"| {op.Name} | {op.Connections} | {op.OpsPerSecond:N0} | {op.P50Micros:N0} | {op.P99Micros:N0} |");
            var perMillion = (result.ResidentBytesLoaded - result.ResidentBytesEmpty) * (1_000_000.0 / result.Size);
            Console.WriteLine();
            Console.WriteLine($"- indexed lookup, 1 connection: p50 {result.SingleConnectionLookupP50Micros:N0} µs");
            Console.WriteLine($"- resident memory: {result.ResidentBytesLoaded / 1048576.0:N0} MiB loaded, {perMillion / 1048576.0:N0} MiB per million leads");
            Console.WriteLine($"- restart after clean stop: {result.CleanRestart.TotalSeconds:N2} s; recovery after kill -9: {result.CrashRecovery.TotalSeconds:N2} s (all acknowledged updates present: {result.AllDocumentsAfterRecovery})");
        }
        if (results.Count >= 2)
        {
            var small = results.MinBy(r => r.Size)!;
            var large = results.MaxBy(r => r.Size)!;
            Console.WriteLine();
            Console.WriteLine($"Lookup latency ratio {large.Size:N0} vs {small.Size:N0}: {large.SingleConnectionLookupP50Micros / small.SingleConnectionLookupP50Micros:N2}x (target ≤ 2x)");
        }
    }
}
