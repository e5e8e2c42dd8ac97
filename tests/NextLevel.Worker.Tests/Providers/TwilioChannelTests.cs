using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers;
using NextLevel.Worker.Providers.Twilio;

namespace NextLevel.Worker.Tests.Providers;

public class TwilioChannelTests
{
    // Twilio's documented 201 answers (twilio-csharp's MessageResourceTest / CallResourceTest fixtures, trimmed).
    private const string MessageCreated = """{"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","api_version":"2010-04-01","body":"Hello","direction":"outbound-api","error_code":null,"error_message":null,"from":"+14155552345","num_media":"0","num_segments":"1","price":null,"price_unit":"USD","sid":"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","status":"queued","to":"+14155552345","uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"}""";
    private const string CallCreated = """{"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","answered_by":null,"api_version":"2010-04-01","direction":"outbound-api","duration":null,"end_time":null,"from":"+15559998888","price":null,"price_unit":"USD","sid":"CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","start_time":null,"status":"queued","to":"+15551234567","uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"}""";
    private const string InvalidToNumber = """{"code": 21211, "message": "The 'To' number +15550001111 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";

    private static readonly string ExpectedBasicAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ProviderHost.AccountSid}:{ProviderHost.AuthToken}"));

    [Fact]
    public async Task Sms_is_a_form_post_to_Messages_json_with_basic_auth_and_returns_the_message_sid()
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(new ScriptedResponse(201, MessageCreated));
        using var host = ProviderHost.Build(ProviderHost.Twilio(twilio.BaseUrl));
        var sms = host.Services.GetRequiredService<ISmsChannel>();

        var receipt = await sms.SendSmsAsync(
            new SmsRequest("lead1", "+15551234567", "+15559998888", "Hi & welcome", new Uri("https://api.example.com/webhooks/twilio/sms-status")),
            CancellationToken.None);

        Assert.Equal(new MessageReceipt("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "queued"), receipt);
        var request = Assert.Single(twilio.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{ProviderHost.AccountSid}/Messages.json", request.Path);
        Assert.Equal(ExpectedBasicAuth, request.Headers["Authorization"]);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("To=%2B15551234567&From=%2B15559998888&Body=Hi+%26+welcome&StatusCallback=https%3A%2F%2Fapi.example.com%2Fwebhooks%2Ftwilio%2Fsms-status", request.Body);
    }

    [Fact]
    public async Task Voice_call_posts_Calls_json_with_twiml_and_all_four_status_callback_events()
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(new ScriptedResponse(201, CallCreated));
        using var host = ProviderHost.Build(ProviderHost.Twilio(twilio.BaseUrl));
        var voice = host.Services.GetRequiredService<IVoiceCallChannel>();
        Assert.IsType<TwilioVoiceCallChannel>(voice);

        var placement = await voice.PlaceCallAsync(Call(opening: "Hi, this is Next Level <Homes>. Say stop to opt out."), CancellationToken.None);

        Assert.Equal(new CallPlacement("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, "queued"), placement);
        var request = Assert.Single(twilio.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{ProviderHost.AccountSid}/Calls.json", request.Path);
        Assert.Equal(ExpectedBasicAuth, request.Headers["Authorization"]);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("+15551234567", form["To"]);
        Assert.Equal("+15559998888", form["From"]);
        Assert.Equal("<Response><Say>Hi, this is Next Level &lt;Homes&gt;. Say stop to opt out.</Say></Response>", form["Twiml"]);
        Assert.Equal("https://api.example.com/webhooks/twilio/status", form["StatusCallback"]);
        Assert.Equal("POST", form["StatusCallbackMethod"]);
        Assert.Equal(new[] { "initiated", "ringing", "answered", "completed" }, form["StatusCallbackEvent"].Select(v => v ?? "").ToArray());
        Assert.False(form.ContainsKey("Url"));
    }

    [Fact]
    public async Task Voice_call_runs_the_configured_twiml_url_when_there_is_one()
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(new ScriptedResponse(201, CallCreated));
        var settings = ProviderHost.Twilio(twilio.BaseUrl);
        settings["Providers:Twilio:VoiceUrl"] = "https://api.example.com/twiml/agent";
        using var host = ProviderHost.Build(settings);

        await host.Services.GetRequiredService<IVoiceCallChannel>().PlaceCallAsync(Call(opening: "Hello"), CancellationToken.None);

        var form = QueryHelpers.ParseQuery(Assert.Single(twilio.Requests).Body);
        Assert.Equal("https://api.example.com/twiml/agent", form["Url"]);
        Assert.False(form.ContainsKey("Twiml"));
    }

    [Fact]
    public async Task A_4xx_error_becomes_a_provider_exception_with_twilio_code_and_no_phone_number_and_is_not_retried()
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(new ScriptedResponse(400, InvalidToNumber));
        using var host = ProviderHost.Build(ProviderHost.Twilio(twilio.BaseUrl));
        var sms = host.Services.GetRequiredService<ISmsChannel>();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            sms.SendSmsAsync(new SmsRequest("lead1", "+15550001111", "", "Hi", null), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("21211", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("5550001111", error.Message, StringComparison.Ordinal);
        Assert.Single(twilio.Requests);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Transient_answers_are_retried_by_the_resilience_handler(int status)
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(
            new ScriptedResponse(status, """{"code": 20500, "message": "Internal Server Error", "status": 500}"""),
            new ScriptedResponse(201, MessageCreated));
        using var host = ProviderHost.Build(ProviderHost.Twilio(twilio.BaseUrl));
        var sms = host.Services.GetRequiredService<ISmsChannel>();

        var receipt = await sms.SendSmsAsync(new SmsRequest("lead1", "+15551234567", "", "Hi", null), CancellationToken.None);

        Assert.Equal("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", receipt.ProviderMessageId);
        Assert.Equal(2, twilio.Requests.Count);
        Assert.All(twilio.Requests, r => Assert.Equal("To=%2B15551234567&From=%2B15559998888&Body=Hi", r.Body));
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_become_a_transient_provider_exception()
    {
        await using var twilio = await LoopbackHttpServer.StartAsync(new ScriptedResponse(503, "{}"));
        using var host = ProviderHost.Build(ProviderHost.Twilio(twilio.BaseUrl));
        var sms = host.Services.GetRequiredService<ISmsChannel>();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            sms.SendSmsAsync(new SmsRequest("lead1", "+15551234567", "", "Hi", null), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, twilio.Requests.Count); // the first try and the standard handler's 3 retries
    }

    internal static OutboundCallRequest Call(string? opening = null) => new(
        "65f000000000000000000001", "65f000000000000000000002", "+15551234567", "+15559998888", null, null, opening,
        new Dictionary<string, string> { ["first_name"] = "Jane", ["property_address"] = "123 Main St" },
        new Uri("https://api.example.com/webhooks/twilio/status"));
}
