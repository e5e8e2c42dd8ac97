using System.Globalization;

namespace NextLevel.AppHost.Hosting;

/// <summary>
/// The AppHost's command line: <c>--data-dir</c>, <c>--dashboard-port</c>, <c>--otlp-grpc-port</c>,
/// <c>--otlp-http-port</c>, <c>--dashboard-unsecured</c>, <c>--mongo</c>.
/// </summary>
public sealed record AppHostOptions
{
    public const int DefaultDashboardPort = 18888;
    public const int DefaultOtlpGrpcPort = 18889;
    public const int DefaultOtlpHttpPort = 18890;

    public const string Usage = """
        Usage: dotnet run --project NextLevel.AppHost [-- options]
          --data-dir <dir>          where local data is kept (default .nextlevel/data)
          --dashboard-port <n>      port of the ops page on 127.0.0.1 (default 18888)
          --otlp-grpc-port <n>      port of the OTLP/gRPC receiver on 127.0.0.1 (default 18889)
          --otlp-http-port <n>      port of the OTLP/HTTP (protobuf) receiver on 127.0.0.1 (default 18890)
          --dashboard-unsecured     the ops page asks for no login token (local scripts only)
          --mongo <auto|embedded|container>
                                    how to run MongoDB when ConnectionStrings:mongodb is not set (default auto:
                                    the mongo:8 container when a container engine answers, else the embedded engine)
          --ConnectionStrings:mongodb=<url>
                                    use that MongoDB server and start none
        """;

    /// <summary>Where local data lives (the embedded engine's files), absolute.</summary>
    public string DataDirectory { get; init; } = Path.GetFullPath(Path.Combine(".nextlevel", "data"));

    public int DashboardPort { get; init; } = DefaultDashboardPort;

    public int OtlpGrpcPort { get; init; } = DefaultOtlpGrpcPort;

    public int OtlpHttpPort { get; init; } = DefaultOtlpHttpPort;

    /// <summary>The ops page and its API answer without the login token.</summary>
    public bool DashboardUnsecured { get; init; }

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
            if (name == "--dashboard-unsecured" && inlineValue is null)
            {
                options = options with { DashboardUnsecured = true };
                continue;
            }
            if (name is not ("--data-dir" or "--dashboard-port" or "--otlp-grpc-port" or "--otlp-http-port" or "--mongo"))
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
                case "--otlp-grpc-port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    options = options with { OtlpGrpcPort = port };
                    break;
                case "--otlp-http-port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    options = options with { OtlpHttpPort = port };
                    break;
                case "--dashboard-port" or "--otlp-grpc-port" or "--otlp-http-port":
                    error = $"{name} must be a port number (1-65535), not '{value}'.";
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
