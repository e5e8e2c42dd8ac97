using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers;
using NextLevel.Worker.Providers.ElevenLabs;

namespace NextLevel.Worker.Tests.Providers;

public class ElevenLabsChannelTests
{
    private const string Started = """{"success": true, "message": "Success", "conversation_id": "conv_01abc", "callSid": "CA0123456789abcdef0123456789abcdef"}""";

    private static Dictionary<string, string?> Settings(Uri baseUrl)
    {
        var settings = ProviderHost.ElevenLabs(baseUrl);
        foreach (var (key, value) in ProviderHost.Twilio(new Uri("http://127.0.0.1:9"))) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Ai_call_posts_the_outbound_call_with_api_key_agent_number_and_dynamic_variables()
    {
        await using var elevenLabs = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200, Started));
        using var host = ProviderHost.Build(Settings(elevenLabs.BaseUrl));
        var voice = host.Services.GetRequiredService<IVoiceCallChannel>();
        Assert.IsType<ElevenLabsVoiceCallChannel>(voice);

        var placement = await voice.PlaceCallAsync(TwilioChannelTests.Call("ignored by the agent"), CancellationToken.None);

        Assert.Equal(new CallPlacement("CA0123456789abcdef0123456789abcdef", "conv_01abc", "initiated"), placement);
        var request = Assert.Single(elevenLabs.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/convai/twilio/outbound-call", request.Path);
        Assert.Equal("xi-test-key", request.Headers["xi-api-key"]);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var expected = JsonNode.Parse("""
            {"agent_id":"agent_123","agent_phone_number_id":"phnum_456","to_number":"+15551234567",
             "conversation_initiation_client_data":{"dynamic_variables":{
               "first_name":"Jane","property_address":"123 Main St",
               "call_id":"65f000000000000000000002","lead_id":"65f000000000000000000001"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task A_validation_error_becomes_a_provider_exception_and_is_not_retried()
    {
        await using var elevenLabs = await LoopbackHttpServer.StartAsync(new ScriptedResponse(422,
            """{"detail":[{"loc":["body","to_number"],"msg":"field required","type":"value_error.missing"}]}"""));
        using var host = ProviderHost.Build(Settings(elevenLabs.BaseUrl));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            host.Services.GetRequiredService<IVoiceCallChannel>().PlaceCallAsync(TwilioChannelTests.Call(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("elevenlabs", error.Provider);
        Assert.Single(elevenLabs.Requests);
    }

    [Fact]
    public async Task An_answer_without_success_is_an_error()
    {
        await using var elevenLabs = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200,
            """{"success": false, "message": "Phone number not assigned to agent", "conversation_id": null, "callSid": null}"""));
        using var host = ProviderHost.Build(Settings(elevenLabs.BaseUrl));

        await Assert.ThrowsAsync<ProviderException>(() =>
            host.Services.GetRequiredService<IVoiceCallChannel>().PlaceCallAsync(TwilioChannelTests.Call(), CancellationToken.None));
    }

    [Fact]
    public async Task Rate_limited_calls_are_retried()
    {
        await using var elevenLabs = await LoopbackHttpServer.StartAsync(
            new ScriptedResponse(429, """{"detail":"rate limited"}"""), new ScriptedResponse(200, Started));
        using var host = ProviderHost.Build(Settings(elevenLabs.BaseUrl));

        var placement = await host.Services.GetRequiredService<IVoiceCallChannel>().PlaceCallAsync(TwilioChannelTests.Call(), CancellationToken.None);

        Assert.Equal("conv_01abc", placement.ConversationId);
        Assert.Equal(2, elevenLabs.Requests.Count);
    }
}
