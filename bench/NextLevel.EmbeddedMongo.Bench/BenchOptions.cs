namespace NextLevel.EmbeddedMongo.Bench;

public sealed record BenchOptions(IReadOnlyList<int> Sizes, int Connections, TimeSpan Duration, string EngineDll)
{
    public static BenchOptions? Parse(string[] args)
    {
        int[] sizes = [10_000, 1_000_000];
        var connections = 8;
        var seconds = 10;
        string? engine = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sizes" when value is not null: sizes = value.Split(',').Select(int.Parse).ToArray(); i++; break;
                case "--connections" when value is not null: connections = int.Parse(value); i++; break;
                case "--seconds" when value is not null: seconds = int.Parse(value); i++; break;
                case "--engine" when value is not null: engine = value; i++; break;
                default: return null;
            }
        }
        engine ??= LocateEngine();
        return engine is null ? null : new BenchOptions(sizes, connections, TimeSpan.FromSeconds(seconds), engine);
    }

    /// <summary>The engine is a project reference, so its dll sits next to this tool's own.</summary>
    private static string? LocateEngine()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NextLevel.EmbeddedMongo.dll");
        return File.Exists(path) ? path : null;
    }
}
