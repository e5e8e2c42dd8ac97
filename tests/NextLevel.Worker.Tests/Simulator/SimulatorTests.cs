using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NextLevel.Domain.Integrations;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Simulator;

namespace NextLevel.Worker.Tests.Simulator;

/// <summary>The simulator reports realistic outcomes to the Api's webhooks, signed as Twilio and ElevenLabs sign them.</summary>
public sealed class SimulatorTests
{
    private const string TwilioToken = "twilio-test-token";
    private const string ElevenLabsSecret = "elevenlabs-test-secret";

    [Fact]
    public async Task Calls_are_reported_to_the_webhooks_with_valid_signatures_and_plausible_outcomes()
    {
        var received = new ConcurrentBag<(string Path, bool Valid, Dictionary<string, string> Form)>();
        await using var api = await StartLoopbackApiAsync(received);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:api:http:0"] = api.Urls.First(),
            [ConfiguredWebhookSigner.TwilioTokenKey] = TwilioToken,
            [ConfiguredWebhookSigner.ElevenLabsSecretKey] = ElevenLabsSecret,
        }).Build();
        var options = Options.Create(new SimulatorOptions { Seed = 7, Speedup = 100_000 });
        using var reports = new SimulatorReports(options, TimeProvider.System);
        var channel = new SimulatedVoiceCallChannel(new CallOutcomeGenerator(options), reports, new HandoffLog(), TimeProvider.System);
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var reporter = new SimulatorReportingService(reports, services.GetRequiredService<IHttpClientFactory>(), new ConfiguredWebhookSigner(configuration),
            new ApiCallbacks(configuration), TimeProvider.System, NullLogger<SimulatorReportingService>.Instance);
        await reporter.StartAsync(default);

        var sids = new HashSet<string>();
        for (var i = 0; i < 300; i++)
        {
            var request = new OutboundCallRequest($"lead{i}", $"call{i}", "+12065550100", "+15005550006", null, null, null, new Dictionary<string, string> { ["first_name"] = "Pat" }, null);
            var placement = await channel.PlaceCallAsync(request, default);
            Assert.Equal(placement, await channel.PlaceCallAsync(request, default)); // idempotent on the call id
            sids.Add(placement.CallSid);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((reports.Pending > 0 || received.Count(r => r.Path.EndsWith("status", StringComparison.Ordinal) && IsFinal(r.Form)) < 300) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await reporter.StopAsync(default);

        Assert.Equal(300, sids.Count);
        Assert.All(received, r => Assert.True(r.Valid, $"invalid signature on {r.Path}"));
        var finals = received.Where(r => r.Path.EndsWith("status", StringComparison.Ordinal) && IsFinal(r.Form)).ToList();
        Assert.Equal(300, finals.Count);
        var byStatus = finals.GroupBy(f => f.Form["CallStatus"]).ToDictionary(g => g.Key, g => g.Count());
        var answered = finals.Count(f => f.Form["CallStatus"] == "completed" && f.Form.GetValueOrDefault("AnsweredBy") == "human");
        Assert.InRange(answered, 75, 150);
        Assert.True(byStatus.GetValueOrDefault("no-answer") > 40 && byStatus.GetValueOrDefault("busy") > 5, string.Join(", ", byStatus));
        Assert.Equal(answered, received.Count(r => r.Path.EndsWith("post-call", StringComparison.Ordinal)));
    }

    private static bool IsFinal(Dictionary<string, string> form) =>
        form.TryGetValue("CallStatus", out var status) && status is "completed" or "busy" or "no-answer" or "failed";

    private static async Task<WebApplication> StartLoopbackApiAsync(ConcurrentBag<(string, bool, Dictionary<string, string>)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/webhooks/twilio/status", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var pairs = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
            var valid = TwilioSignature.IsValid(TwilioToken, request.GetEncodedUrl(), pairs, request.Headers["X-Twilio-Signature"]);
            received.Add((request.Path, valid, pairs.ToDictionary(p => p.Key, p => p.Value)));
            return Results.Ok();
        });
        app.MapPost("/webhooks/elevenlabs/post-call", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var status = ElevenLabsSignature.Verify(request.Headers["ElevenLabs-Signature"], body.ToArray(), ElevenLabsSecret, DateTimeOffset.UtcNow);
            var json = Encoding.UTF8.GetString(body.ToArray());
            received.Add((request.Path, status == ElevenLabsSignatureStatus.Valid && json.Contains("post_call_transcription", StringComparison.Ordinal), []));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
