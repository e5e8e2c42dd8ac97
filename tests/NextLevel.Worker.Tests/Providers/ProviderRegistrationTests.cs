using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers.Smtp;
using NextLevel.Worker.Providers.Twilio;

namespace NextLevel.Worker.Tests.Providers;

public class ProviderRegistrationTests
{
    private sealed class SimulatedEmail : IEmailChannel
    {
        public Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new MessageReceipt("sim", "sent"));
    }

    [Fact]
    public void Nothing_is_registered_when_no_provider_is_configured()
    {
        using var host = ProviderHost.Build([]);

        Assert.Null(host.Services.GetService<ISmsChannel>());
        Assert.Null(host.Services.GetService<IVoiceCallChannel>());
        Assert.Null(host.Services.GetService<IEmailChannel>());
    }

    [Fact]
    public void Configured_providers_win_and_the_simulator_fills_the_rest()
    {
        using var host = ProviderHost.Build(ProviderHost.Twilio(new Uri("http://127.0.0.1:9")),
            services => services.TryAddTransient<IEmailChannel, SimulatedEmail>());

        Assert.IsType<TwilioSmsChannel>(host.Services.GetRequiredService<ISmsChannel>());
        Assert.IsType<TwilioVoiceCallChannel>(host.Services.GetRequiredService<IVoiceCallChannel>());
        Assert.IsType<SimulatedEmail>(host.Services.GetRequiredService<IEmailChannel>());
    }

    [Fact]
    public void Smtp_is_used_when_its_host_is_configured()
    {
        using var host = ProviderHost.Build(new Dictionary<string, string?>
        {
            ["Providers:Smtp:Host"] = "127.0.0.1",
            ["Providers:Smtp:Port"] = "2525",
            ["Providers:Smtp:Security"] = "None",
            ["Providers:Smtp:FromAddress"] = "offers@example.com",
        }, services => services.TryAddTransient<IEmailChannel, SimulatedEmail>());

        Assert.IsType<SmtpEmailChannel>(host.Services.GetRequiredService<IEmailChannel>());
        Assert.Equal(MailKit.Security.SecureSocketOptions.None, host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.Security);
    }

    [Fact]
    public async Task A_half_configured_provider_stops_the_start_with_the_missing_keys()
    {
        using var host = ProviderHost.Build(new Dictionary<string, string?>
        {
            ["Providers:Twilio:AccountSid"] = ProviderHost.AccountSid,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("AuthToken", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("FromNumber", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains(ProviderHost.AccountSid, StringComparison.Ordinal));
    }
}
