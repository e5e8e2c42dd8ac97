using System.Globalization;

namespace NextLevel.Api.LoadTest;

/// <summary>
/// <c>--leads N --concurrency C --runs R --warmup W [--url http://api --key google_key] [--configuration Release]</c>.
/// Without --url the tool starts the built NextLevel.EmbeddedMongo and NextLevel.Api itself on loopback.
/// </summary>
internal sealed record LoadTestOptions(int Leads, int Concurrency, int Runs, int Warmup, Uri? Url, string Key, string Configuration)
{
    public const string Usage =
        "usage: NextLevel.Api.LoadTest [--leads 20000] [--concurrency 32] [--runs 3] [--warmup 2000]\n" +
        "                              [--url http://127.0.0.1:5000 --key <Intake:GoogleAds:Key>] [--configuration Release]";

    public static LoadTestOptions? Parse(string[] args, out string? error)
    {
        var options = new LoadTestOptions(20_000, 32, 3, 2_000, null, "load-test-key", "Release");
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--leads" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0: options = options with { Leads = n }; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c > 0: options = options with { Concurrency = c }; break;
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0: options = options with { Runs = r }; break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0: options = options with { Warmup = w }; break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url): options = options with { Url = url }; break;
                case "--key": options = options with { Key = value }; break;
                case "--configuration": options = options with { Configuration = value }; break;
                default:
                    error = $"bad argument {name} {value}";
                    return null;
            }
        }
        return options;
    }
}
