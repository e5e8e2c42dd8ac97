using NextLevel.EmbeddedMongo.Bench;

// Load tool for the embedded engine, through the official driver against the engine's own executable.
// Usage: dotnet run -c Release --project bench/NextLevel.EmbeddedMongo.Bench -- [--sizes 10000,1000000] [--connections 8] [--seconds 10] [--engine <dll>] [--find-cost]
// --find-cost: engine CPU time and allocations per indexed find instead of the load run (see FindCost).
var findCost = args.Contains("--find-cost");
var remaining = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--find-cost") continue;
    // --engine-env NAME=VALUE: a runtime setting for the engine process only (A/B runs).
    if (args[i] == "--engine-env" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var name, var value])
    {
        EngineProcess.ExtraEnvironment[name] = value;
        i++;
        continue;
    }
    remaining.Add(args[i]);
}
var options = BenchOptions.Parse([.. remaining]);
if (options is null)
{
    Console.Error.WriteLine("usage: [--sizes 10000,1000000] [--connections 8] [--seconds 10] [--engine <NextLevel.EmbeddedMongo.dll>] [--find-cost] [--engine-env NAME=VALUE]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

if (findCost)
{
    foreach (var size in options.Sizes) await FindCost.RunAsync(options, size, cancellation.Token);
    return 0;
}

var results = new List<SizeResult>();
foreach (var size in options.Sizes)
{
    Console.Error.WriteLine($"== {size:N0} leads ==");
    results.Add(await LeadWorkload.RunAsync(options, size, cancellation.Token));
}
Report.Print(results, options);
return 0;
