using System.Diagnostics;
using System.Runtime.InteropServices;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>Commands that describe the server rather than data: ping, buildInfo, serverStatus, hostInfo and friends.</summary>
public sealed partial class MongoEngine
{
    public const string ServerVersion = "7.0.14";
    public const string StorageEngineName = "nextlevel";

    private static readonly BsonArray VersionArray = [7, 0, 14, 0];

    [MongoCommand("ping")]
    private ValueTask<BsonDocument> PingAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BsonDocument("ok", 1.0));

    [MongoCommand("buildInfo", "buildinfo")]
    private ValueTask<BsonDocument> BuildInfoAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BsonDocument
        {
            { "version", ServerVersion },
            { "gitVersion", "nextlevel-embedded" },
            { "modules", new BsonArray() },
            { "allocator", "system" },
            { "javascriptEngine", "none" },
            { "sysInfo", "deprecated" },
            { "versionArray", VersionArray.DeepClone() },
            { "openssl", new BsonDocument("running", "disabled") },
            { "buildEnvironment", new BsonDocument { { "target_os", OperatingSystemName() }, { "target_arch", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant() } } },
            { "bits", IntPtr.Size * 8 },
            { "debug", false },
            { "maxBsonObjectSize", MaxBsonObjectSize },
            { "storageEngines", new BsonArray { StorageEngineName } },
            { "ok", 1.0 },
        });

    /// <summary>The server parameters getParameter knows, with the values this server actually runs with.</summary>
    private static readonly (string Name, BsonValue Value, bool SettableAtRuntime)[] ServerParameters =
    [
        ("authenticationMechanisms", new BsonArray(), false),
        ("featureCompatibilityVersion", new BsonDocument("version", "7.0"), true),
        ("logLevel", 0, true),
        ("notablescan", false, true),
        ("quiet", false, true),
    ];

    /// <summary>
    /// <c>{ getParameter: 1, name: 1, ... }</c> returns the named parameters; <c>getParameter: "*"</c> or
    /// <c>{ allParameters: true }</c> returns all; <c>{ showDetails: true }</c> wraps each value with its settability.
    /// </summary>
    [MongoCommand("getParameter")]
    private ValueTask<BsonDocument> GetParameterAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var argument = command.GetElement(0).Value;
        var options = argument as BsonDocument;
        var all = argument is BsonString { Value: "*" } || (options?.GetValue("allParameters", false).ToBoolean() ?? false);
        var showDetails = options?.GetValue("showDetails", false).ToBoolean() ?? false;

        var reply = new BsonDocument();
        foreach (var (name, value, settableAtRuntime) in ServerParameters)
        {
            if (!all && !command.Contains(name)) continue;
            reply[name] = showDetails
                ? new BsonDocument { { "value", value.DeepClone() }, { "settableAtRuntime", settableAtRuntime }, { "settableAtStartup", true } }
                : value.DeepClone();
        }
        if (reply.ElementCount == 0) throw new MongoError(ErrorCode.InvalidOptions, "no option found to get");
        reply["ok"] = 1.0;
        return ValueTask.FromResult(reply);
    }

    [MongoCommand("getCmdLineOpts")]
    private ValueTask<BsonDocument> GetCmdLineOptsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var host = HostInfo;
        var parsed = new BsonDocument("net", new BsonDocument { { "bindIp", host.BindAddress }, { "port", host.Port } });
        if (host.DataDirectory is not null) parsed["storage"] = new BsonDocument("dbPath", host.DataDirectory);
        return ValueTask.FromResult(new BsonDocument
        {
            { "argv", new BsonArray(host.CommandLine) },
            { "parsed", parsed },
            { "ok", 1.0 },
        });
    }

    [MongoCommand("hostInfo")]
    private ValueTask<BsonDocument> HostInfoAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var memoryMegabytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
        return ValueTask.FromResult(new BsonDocument
        {
            {
                "system", new BsonDocument
                {
                    { "currentTime", new BsonDateTime(Time.GetUtcNow().UtcDateTime) },
                    { "hostname", Environment.MachineName },
                    { "cpuAddrSize", IntPtr.Size * 8 },
                    { "memSizeMB", memoryMegabytes },
                    { "memLimitMB", memoryMegabytes },
                    { "numCores", Environment.ProcessorCount },
                    { "cpuArch", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() },
                    { "numaEnabled", false },
                }
            },
            {
                "os", new BsonDocument
                {
                    { "type", OperatingSystemName() },
                    { "name", RuntimeInformation.OSDescription },
                    { "version", Environment.OSVersion.VersionString },
                }
            },
            { "extra", new BsonDocument() },
            { "ok", 1.0 },
        });
    }

    [MongoCommand("whatsmyuri")]
    private ValueTask<BsonDocument> WhatsMyUriAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BsonDocument { { "you", context.Connection.RemoteEndPoint }, { "ok", 1.0 } });

    /// <summary>Authentication is not supported: every connection is unauthenticated with full access, as with auth disabled.</summary>
    [MongoCommand("connectionStatus")]
    private ValueTask<BsonDocument> ConnectionStatusAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var authInfo = new BsonDocument
        {
            { "authenticatedUsers", new BsonArray() },
            { "authenticatedUserRoles", new BsonArray() },
        };
        if (command.TryGetValue("showPrivileges", out var showPrivileges) && showPrivileges.ToBoolean())
            authInfo["authenticatedUserPrivileges"] = new BsonArray();
        return ValueTask.FromResult(new BsonDocument { { "authInfo", authInfo }, { "ok", 1.0 } });
    }

    [MongoCommand("serverStatus")]
    private ValueTask<BsonDocument> ServerStatusAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var host = HostInfo;
        var now = Time.GetUtcNow();
        var uptime = now - host.StartedAt;
        if (uptime < TimeSpan.Zero) uptime = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        const long megabyte = 1024 * 1024;

        return ValueTask.FromResult(new BsonDocument
        {
            { "host", host.Port > 0 ? $"{host.Host}:{host.Port}" : host.Host },
            { "version", ServerVersion },
            { "process", "mongod" },
            { "pid", (long)Environment.ProcessId },
            { "uptime", Math.Floor(uptime.TotalSeconds) },
            { "uptimeMillis", (long)uptime.TotalMilliseconds },
            { "uptimeEstimate", (long)uptime.TotalSeconds },
            { "localTime", new BsonDateTime(now.UtcDateTime) },
            { "connections", Connections.ToServerStatusSection() },
            { "opcounters", Counters.ToServerStatusSection() },
            {
                "mem", new BsonDocument
                {
                    { "bits", IntPtr.Size * 8 },
                    { "resident", (int)(process.WorkingSet64 / megabyte) },
                    { "virtual", (int)(process.VirtualMemorySize64 / megabyte) },
                    { "supported", true },
                }
            },
            {
                "storageEngine", new BsonDocument
                {
                    { "name", StorageEngineName },
                    { "supportsCommittedReads", true },
                    { "persistent", host.DataDirectory is not null },
                }
            },
            { "ok", 1.0 },
        });
    }

    /// <summary>No log lines are kept in memory (they could contain personal data), so every log is empty.</summary>
    [MongoCommand("getLog")]
    private ValueTask<BsonDocument> GetLogAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var argument = command.GetElement(0).Value;
        if (!argument.IsString) throw MongoError.TypeMismatch("Argument to getLog must be of type String");
        return argument.AsString switch
        {
            "*" => ValueTask.FromResult(new BsonDocument { { "names", new BsonArray { "global", "startupWarnings" } }, { "ok", 1.0 } }),
            "global" or "startupWarnings" => ValueTask.FromResult(new BsonDocument { { "totalLinesWritten", 0 }, { "log", new BsonArray() }, { "ok", 1.0 } }),
            var name => throw MongoError.BadValue($"No log named '{name}'"),
        };
    }

    [MongoCommand("listCommands")]
    private ValueTask<BsonDocument> ListCommandsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var commands = new BsonDocument();
        foreach (var name in CommandNames.Order(StringComparer.Ordinal))
        {
            commands[name] = new BsonDocument
            {
                { "help", "" },
                { "requiresAuth", false },
                { "secondaryOk", true },
                { "adminOnly", false },
            };
        }
        return ValueTask.FromResult(new BsonDocument { { "commands", commands }, { "ok", 1.0 } });
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "Darwin" : OperatingSystem.IsLinux() ? "Linux" : RuntimeInformation.OSDescription;
}
