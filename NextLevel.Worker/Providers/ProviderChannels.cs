using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers.DncScrub;
using NextLevel.Worker.Providers.ElevenLabs;
using NextLevel.Worker.Providers.Smtp;
using NextLevel.Worker.Providers.Twilio;
using NextLevel.Worker.Services.Reassigned;

namespace NextLevel.Worker.Providers;

/// <summary>Registers the real provider channels for the providers whose credentials are configured.</summary>
public static class ProviderChannels
{
    /// <summary>
    /// For each provider whose key setting is present (Providers:Twilio:AccountSid, Providers:ElevenLabs:ApiKey,
    /// Providers:Smtp:Host, Providers:DncScrub:ApiKey for Reassigned Numbers Database checks) binds and validates its options at start and registers its channel with TryAdd. Call it
    /// BEFORE the simulator's registrations (also TryAdd): the real channel wins, the simulator fills the gaps.
    /// Voice: ElevenLabs (AI agent over our Twilio number) when configured, else Twilio alone.
    /// Each typed HttpClient gets the standard resilience handler (retries on 408/429/5xx, timeouts, circuit breaker);
    /// HttpClient telemetry comes from the service defaults.
    /// </summary>
    public static IHostApplicationBuilder AddProviderChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        if (IsSet(configuration, ElevenLabsOptions.SectionName, nameof(ElevenLabsOptions.ApiKey)))
        {
            services.AddOptions<ElevenLabsOptions>().BindConfiguration(ElevenLabsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddHttpClient<ElevenLabsClient>().AddStandardResilienceHandler();
            services.TryAddTransient<IVoiceCallChannel, ElevenLabsVoiceCallChannel>();
        }

        if (IsSet(configuration, TwilioOptions.SectionName, nameof(TwilioOptions.AccountSid)))
        {
            services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddHttpClient<TwilioClient>().AddStandardResilienceHandler();
            services.TryAddTransient<ISmsChannel, TwilioSmsChannel>();
            services.TryAddTransient<IVoiceCallChannel, TwilioVoiceCallChannel>();
        }

        if (IsSet(configuration, SmtpOptions.SectionName, nameof(SmtpOptions.Host)))
        {
            services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.TryAddTransient<IEmailChannel, SmtpEmailChannel>();
        }

        if (IsSet(configuration, DncScrubRndOptions.SectionName, nameof(DncScrubRndOptions.ApiKey)))
        {
            services.AddOptions<DncScrubRndOptions>().BindConfiguration(DncScrubRndOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.TryAddSingleton<DncScrubRateLimiter>();
            services.AddHttpClient(DncScrubRndClient.HttpClientName).AddStandardResilienceHandler();
            services.TryAddSingleton<IReassignedNumbersClient, DncScrubRndClient>();
        }

        return builder;
    }

    private static bool IsSet(IConfiguration configuration, string section, string key) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:{key}"]);
}
