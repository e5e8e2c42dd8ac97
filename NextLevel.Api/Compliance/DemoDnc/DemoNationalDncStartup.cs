using MongoDB.Driver;
using NextLevel.Domain.Compliance.Demo;

namespace NextLevel.Api.Compliance.DemoDnc;

/// <summary>
/// Local development only: when <c>Compliance:DemoNationalDnc:ImportOnStart</c> is true (the AppHost sets it when it
/// runs MongoDB itself), imports the shipped demo national Do-Not-Call list before the Api takes requests, so the
/// compliance gate's 31-day rule is met by an honest, labelled import and a fresh local system can place calls.
/// A real national import is never replaced (<see cref="DemoNationalDncList"/>).
/// </summary>
internal sealed partial class DemoNationalDncStartup(IMongoDatabase database, TimeProvider time, ILogger<DemoNationalDncStartup> logger) : IHostedService
{
    public const string Setting = "Compliance:DemoNationalDnc:ImportOnStart";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await DemoNationalDncList.ImportIfDueAsync(database, time, cancellationToken);
        if (result is null) LogNotNeeded(logger);
        else LogImported(logger, result.Accepted, result.Ended);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported the DEMO national Do-Not-Call list ({Numbers} fictional numbers, {Ended} previous entries ended) for local development: not the FTC registry, never use in production")]
    private static partial void LogImported(ILogger logger, long numbers, long ended);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo national Do-Not-Call list not imported: a real national copy was imported, or the demo copy is less than a day old")]
    private static partial void LogNotNeeded(ILogger logger);
}
