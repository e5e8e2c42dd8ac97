using Microsoft.Extensions.DependencyInjection.Extensions;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers;
using NextLevel.Worker.Services.Archival;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Services.Closing;
using NextLevel.Worker.Services.Ledger;
using NextLevel.Worker.Services.Reassigned;
using NextLevel.Worker.Services.Rollups;
using NextLevel.Worker.Services.Routing;
using NextLevel.Worker.Services.Startup;
using NextLevel.Worker.Simulator;
using NextLevel.Worker.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NextLevel.Worker.Extensions;

public static class Extensions
{
    /// <summary>The Worker's loops and what they use: the follow-up engine under the compliance gate, the provider
    /// channels (real ones when configured, the simulator otherwise), archival, rollups and their telemetry.</summary>
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DomainMongoMappings.Register();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration["Providers:Twilio:FromNumber"] is { Length: > 0 } from) o.FromNumber = from;
        });
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section);
        services.AddOptions<ArchivalOptions>().BindConfiguration(ArchivalOptions.Section);
        services.AddOptions<RollupOptions>().BindConfiguration(RollupOptions.Section);
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section);
        services.AddOptions<ClosingOptions>().BindConfiguration(ClosingOptions.Section);
        services.AddOptions<LedgerAnchorOptions>().BindConfiguration(LedgerAnchorOptions.Section);

        services.AddSingleton<WorkerGauges>();
        services.AddSingleton<WorkerTelemetry>();
        services.AddSingleton<SystemConfigStore>();
        services.AddSingleton(sp => new ComplianceService(
            sp.GetRequiredService<MongoDB.Driver.IMongoDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FollowUpOptions>>().Value.GateSettingsCacheTtl));
        services.AddSingleton<ReassignedNumberChecks>();
        services.AddSingleton<ReassignedCheckRunner>();
        services.AddSingleton<IContactGate, ComplianceContactGate>();
        services.AddSingleton<LeadLeases>();
        services.AddSingleton<CampaignLimits>();
        services.AddSingleton<ApiCallbacks>();
        services.AddTransient<ChannelDispatcher>();
        services.AddSingleton<FollowUpEngine>();
        services.AddSingleton<TranscriptArchiver>();
        services.AddSingleton<CampaignMetricsRollup>();
        services.AddSingleton<OperationsRollup>();
        services.AddSingleton<RoutingTeams>();
        services.AddSingleton<LeadRouter>();
        services.AddSingleton<RoutingSweep>();
        services.AddSingleton<TaskReminders>();
        services.AddSingleton<OfferExpiry>();
        services.AddSingleton<NextLevel.Domain.Compliance.Ledger.ConsentLedgerAnchors>();
        services.AddSingleton<LedgerAnchorJob>();

        // Real channels first (TryAdd, only for configured providers); the simulator fills in the rest.
        builder.AddProviderChannels();
        services.AddSingleton<HandoffLog>();
        services.AddSingleton<CallOutcomeGenerator>();
        services.AddSingleton<SimulatorReports>();
        services.AddSingleton<ConfiguredWebhookSigner>();
        services.TryAddSingleton<IVoiceCallChannel, SimulatedVoiceCallChannel>();
        services.TryAddSingleton<ISmsChannel, SimulatedSmsChannel>();
        services.TryAddSingleton<IEmailChannel, SimulatedEmailChannel>();
        services.TryAddSingleton<IReassignedNumbersClient, SimulatedReassignedNumbersClient>();
        services.AddHttpClient(SimulatorReportingService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<WorkerStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkerStartup>());
        services.AddHostedService<FollowUpService>();
        services.AddHostedService<ArchivalService>();
        services.AddHostedService<RollupService>();
        services.AddHostedService<RoutingService>();
        services.AddHostedService<ClosingChoresService>();
        services.AddHostedService<LedgerAnchorService>();
        services.AddHostedService<SimulatorReportingService>();

        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(WorkerTelemetry.Name))
            .WithTracing(tracing => tracing.AddSource(WorkerTelemetry.Name));
        return builder;
    }
}
