namespace NextLevel.EmbeddedMongo.Conformance;

/// <summary>
/// Command line: <c>[&lt;dir or file&gt;...] [--connection-string &lt;uri&gt;] [--filter &lt;text&gt;] [--verbose] [--ignore-events] [--markdown &lt;file&gt;]</c>.
/// </summary>
public sealed class CommandLineOptions
{
    public List<string> Paths { get; } = [];

    public string? ConnectionString { get; private set; }

    public string? Filter { get; private set; }

    public bool Verbose { get; private set; }

    public bool CheckEvents { get; private set; } = true;

    /// <summary>Also write the results as Markdown to this file (e.g. docs/embedded-mongo-conformance.md).</summary>
    public string? MarkdownPath { get; private set; }

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLineOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection-string":
                    options.ConnectionString = ValueAfter(args, ref i);
                    break;
                case "--filter":
                    options.Filter = ValueAfter(args, ref i);
                    break;
                case "--markdown":
                    options.MarkdownPath = ValueAfter(args, ref i);
                    break;
                case "--ignore-events":
                    options.CheckEvents = false;
                    break;
                case "--verbose" or "-v":
                    options.Verbose = true;
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option '{flag}'");
                default:
                    options.Paths.Add(args[i]);
                    break;
            }
        }
        return options;
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count) throw new ArgumentException($"option '{args[index]}' needs a value");
        return args[++index];
    }
}
