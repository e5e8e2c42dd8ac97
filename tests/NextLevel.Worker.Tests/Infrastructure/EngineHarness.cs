using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Telemetry;

namespace NextLevel.Worker.Tests.Infrastructure;

/// <summary>A follow-up engine wired as the Worker wires it, with a fake clock, recording channels and a gate of the test's choice.</summary>
public static class EngineHarness
{
    private static readonly ServiceProvider Metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static WorkerTelemetry Telemetry { get; } = new(Metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new WorkerGauges());

    /// <summary>The Domain's compliance service behind the engine's gate.</summary>
    public static IContactGate RealGate(IMongoDatabase database, FakeTimeProvider clock) => new ComplianceContactGate(new ComplianceService(database, clock));

    public static FollowUpEngine Create(IMongoDatabase database, FakeTimeProvider clock, RecordingChannels channels, IContactGate gate, string workerId, TimeSpan? lease = null)
    {
        var options = Options.Create(new FollowUpOptions { WorkerId = workerId, LeaseDuration = lease ?? TimeSpan.FromMinutes(2) });
        var callbacks = new ApiCallbacks(new ConfigurationBuilder().AddInMemoryCollection([new("services:api:http:0", "http://127.0.0.1:5000")]).Build());
        var dispatcher = new ChannelDispatcher(channels, channels, channels, options, callbacks, Telemetry);
        return new FollowUpEngine(database, new LeadLeases(database), new CampaignLimits(database, clock), gate, dispatcher, options, Telemetry, clock, NullLogger<FollowUpEngine>.Instance);
    }
}
