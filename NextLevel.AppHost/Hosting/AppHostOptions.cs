using System.Globalization;

namespace NextLevel.AppHost.Hosting;

/// <summary>The AppHost's command line: <c>--data-dir</c>, <c>--dashboard-port</c>, <c>--mongo</c>.</summary>
public sealed record AppHostOptions
{
    public const int DefaultDashboardPort = 18888;

    public const string Usage = """
        Usage: dotnet run --project NextLevel.AppHost [-- options]
          --data-dir <dir>          where local data is kept (default .nextlevel/data)
          --dashboard-port <n>      port of the ops page on 127.0.0.1 (default 18888)
          --mongo <auto|embedded|container>
                                    how to run MongoDB when ConnectionStrings:mongodb is not set (default auto:
                                    the mongo:8 container when a container engine answers, else the embedded engine)
          --ConnectionStrings:mongodb=<url>
                                    use that MongoDB server and start none
        """;

    /// <summary>Where local data lives (the embedded engine's files), absolute.</summary>
    public string DataDirectory { get; init; } = Path.GetFullPath(Path.Combine(".nextlevel", "data"));

    public int DashboardPort { get; init; } = DefaultDashboardPort;

    public MongoPreference Mongo { get; init; } = MongoPreference.Auto;

    /// <summary>
    /// Reads the options this AppHost defines from <paramref name="args"/>; other arguments are left to configuration
    /// (<c>--ConnectionStrings:mongodb=...</c>). Returns <see langword="false"/> with one line of <paramref name="error"/> otherwise.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> args, out AppHostOptions options, out string? error)
    {
        options = new AppHostOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            if (name is not ("--data-dir" or "--dashboard-port" or "--mongo"))
            {
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"{name} needs a value.";
                return false;
            }

            switch (name)
            {
                case "--data-dir":
                    options = options with { DataDirectory = Path.GetFullPath(value) };
                    break;
                case "--dashboard-port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    options = options with { DashboardPort = port };
                    break;
                case "--dashboard-port":
                    error = $"--dashboard-port must be a port number (1-65535), not '{value}'.";
                    return false;
                case "--mongo" when Enum.TryParse<MongoPreference>(value, ignoreCase: true, out var mongo) && Enum.IsDefined(mongo):
                    options = options with { Mongo = mongo };
                    break;
                default:
                    error = $"--mongo must be auto, embedded or container, not '{value}'.";
                    return false;
            }
        }
        return true;
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }
}

/// <summary>How to run MongoDB when no external connection string is configured.</summary>
public enum MongoPreference
{
    /// <summary>A container when a container engine answers, else the embedded engine.</summary>
    Auto,
    Embedded,
    Container,
}
