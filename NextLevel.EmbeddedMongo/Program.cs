using System.Runtime.InteropServices;
using NextLevel.EmbeddedMongo;

// The standalone server: parses arguments, serves until SIGTERM/SIGINT, then shuts down gracefully.
// stdout carries exactly one line, the READY line, for whoever launched us; everything else goes to stderr.

var commandLine = ServerCommandLine.TryParse(args, out var argumentError);
if (commandLine is null)
{
    await Console.Error.WriteLineAsync($"error: {argumentError}");
    await Console.Error.WriteLineAsync(ServerCommandLine.Usage);
    return 2;
}

using var shutdown = new CancellationTokenSource();
void RequestShutdown(PosixSignalContext signal)
{
    signal.Cancel = true; // keep running until the graceful shutdown below completes
    shutdown.Cancel();
}
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestShutdown);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestShutdown);

EmbeddedMongoServer server;
try
{
    server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions
    {
        Port = commandLine.Port,
        BindAddress = commandLine.BindAddress,
        DataDirectory = commandLine.DataDirectory,
        DebugLog = commandLine.Verbose ? Console.Error : null,
        StorageLog = Console.Error.WriteLine,
        SlowOperationLog = Console.Error.WriteLine,
        SlowOperationThreshold = TimeSpan.FromMilliseconds(commandLine.SlowMilliseconds),
        CommandLine = [Environment.ProcessPath ?? "NextLevel.EmbeddedMongo", .. args],
    }, shutdown.Token);
}
catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
{
    return 0;
}
catch (Exception ex)
{
    await Console.Error.WriteLineAsync($"error: cannot start: {ex.Message}");
    return 1;
}

await using (server)
{
    Console.Out.WriteLine($"EMBEDDED_MONGO_READY {server.ConnectionString}");
    Console.Out.Flush();
    await Console.Error.WriteLineAsync($"listening on {server.ConnectionString} with data in {Path.GetFullPath(commandLine.DataDirectory)}");

    try
    {
        await Task.Delay(Timeout.Infinite, shutdown.Token);
    }
    catch (OperationCanceledException)
    {
        await Console.Error.WriteLineAsync("shutting down");
    }
}
await Console.Error.WriteLineAsync("stopped");
return 0;
