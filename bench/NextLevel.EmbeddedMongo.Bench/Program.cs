using NextLevel.EmbeddedMongo.Bench;

// Load tool for the embedded engine, through the official driver against the engine's own executable.
// Usage: dotnet run -c Release --project bench/NextLevel.EmbeddedMongo.Bench -- [--sizes 10000,1000000] [--connections 8] [--seconds 10] [--engine <dll>]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: [--sizes 10000,1000000] [--connections 8] [--seconds 10] [--engine <NextLevel.EmbeddedMongo.dll>]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var results = new List<SizeResult>();
foreach (var size in options.Sizes)
{
    Console.Error.WriteLine($"== {size:N0} leads ==");
    results.Add(await LeadWorkload.RunAsync(options, size, cancellation.Token));
}
Report.Print(results, options);
return 0;
