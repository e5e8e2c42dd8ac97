using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using NextLevel.Worker.Providers;

namespace NextLevel.Worker.Tests.Providers;

/// <summary>A host with <see cref="ProviderChannels.AddProviderChannels"/> over the given settings; retries wait 1 ms.</summary>
public static class ProviderHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? after = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProviderChannels();
        foreach (var client in new[] { "TwilioClient", "ElevenLabsClient", "DncScrubRndClient" })
        {
            builder.Services.Configure<HttpStandardResilienceOptions>(client + "-standard", o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(1);
                o.Retry.UseJitter = false;
            });
        }

        after?.Invoke(builder.Services);
        return builder.Build();
    }

    public const string AccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string AuthToken = "test-auth-token";

    public static Dictionary<string, string?> Twilio(Uri baseUrl) => new()
    {
        ["Providers:Twilio:AccountSid"] = AccountSid,
        ["Providers:Twilio:AuthToken"] = AuthToken,
        ["Providers:Twilio:FromNumber"] = "+15559998888",
        ["Providers:Twilio:BaseUrl"] = baseUrl.AbsoluteUri,
    };

    public static Dictionary<string, string?> ElevenLabs(Uri baseUrl) => new()
    {
        ["Providers:ElevenLabs:ApiKey"] = "xi-test-key",
        ["Providers:ElevenLabs:AgentId"] = "agent_123",
        ["Providers:ElevenLabs:PhoneNumberId"] = "phnum_456",
        ["Providers:ElevenLabs:BaseUrl"] = baseUrl.AbsoluteUri,
    };
}
