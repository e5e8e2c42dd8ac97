using System.Globalization;
using System.Net;

namespace NextLevel.EmbeddedMongo;

/// <summary>The executable's arguments: <c>--port &lt;n&gt; --dbpath &lt;dir&gt; [--bind &lt;address&gt;] [--verbose]</c>.</summary>
internal sealed record ServerCommandLine(int Port, string DataDirectory, IPAddress BindAddress, bool Verbose, int SlowMilliseconds = 100)
{
    public const string Usage =
        "usage: NextLevel.EmbeddedMongo --port <n> --dbpath <dir> [--bind <address>] [--slowms <n>] [--verbose]\n" +
        "  --port     TCP port to listen on (0 picks a free port)\n" +
        "  --dbpath   data directory (created if missing; required)\n" +
        "  --bind     address to listen on (default 127.0.0.1)\n" +
        "  --slowms   log commands slower than this many milliseconds to stderr (default 100)\n" +
        "  --verbose  log connection events to stderr";

    /// <summary>Parses the arguments; returns null with <paramref name="error"/> set when they are invalid.</summary>
    public static ServerCommandLine? TryParse(IReadOnlyList<string> args, out string? error)
    {
        int? port = null;
        string? dataDirectory = null;
        var bindAddress = IPAddress.Loopback;
        var verbose = false;
        var slowMilliseconds = 100;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitArgument(args[i]);
            if (name == "--verbose" && inlineValue is null)
            {
                verbose = true;
                continue;
            }
            if (name is not ("--port" or "--dbpath" or "--bind" or "--slowms"))
            {
                error = $"unknown argument '{args[i]}'";
                return null;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                error = $"{name} needs a value";
                return null;
            }

            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= IPEndPoint.MaxPort:
                    port = parsed;
                    break;
                case "--port":
                    error = $"invalid port '{value}'";
                    return null;
                case "--dbpath":
                    dataDirectory = value;
                    break;
                case "--slowms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var slow):
                    slowMilliseconds = slow;
                    break;
                case "--slowms":
                    error = $"invalid --slowms '{value}'";
                    return null;
                case "--bind" when IPAddress.TryParse(value, out var address):
                    bindAddress = address;
                    break;
                default:
                    error = $"invalid bind address '{value}'";
                    return null;
            }
        }

        if (dataDirectory is null)
        {
            error = "--dbpath is required";
            return null;
        }
        error = null;
        return new ServerCommandLine(port ?? 27017, dataDirectory, bindAddress, verbose, slowMilliseconds);
    }

    private static (string Name, string? Value) SplitArgument(string argument)
    {
        var equals = argument.IndexOf('=');
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
