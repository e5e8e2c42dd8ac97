using System.Net;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Calls;
using NextLevel.Domain.Calls;

namespace NextLevel.Api.Tests.Calls;

public class TwilioStatusWebhookTests(CallsFixture api) : IClassFixture<CallsFixture>
{
    private static List<KeyValuePair<string, string>> Form(string callSid, string status, params (string Key, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), new("ApiVersion", "2010-04-01"), new("CallSid", callSid),
            new("CallStatus", status), new("CallbackSource", "call-progress-events"), new("Direction", "outbound-api"),
            new("From", "+15559998888"), new("To", "+12065550100"),
        };
        form.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        return form;
    }

    private async Task<BsonDocument> RawCallAsync(ObjectId id) =>
        await api.Database.GetCollection<BsonDocument>("calls").Find(new BsonDocument("_id", id)).FirstAsync();

    [Fact]
    public async Task A_signed_ringing_callback_moves_the_call_to_ringing()
    {
        var (_, call) = await api.AddLeadWithCallAsync();

        var response = await api.CreateClient().SendAsync(api.TwilioStatus(Form(call.CallSid, "ringing", ("SequenceNumber", "1"))));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CallStatus.Ringing, (await api.Calls.Find(c => c.Id == call.Id).FirstAsync()).Status);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("missing")]
    [InlineData("other-url")]
    public async Task A_forged_or_missing_signature_is_refused_and_nothing_is_written(string variant)
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var before = await RawCallAsync(call.Id);
        var form = Form(call.CallSid, "completed", ("CallDuration", "49"));
        using var request = api.TwilioStatus(form, variant switch
        {
            "forged" => "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "other-url" => Domain.Integrations.TwilioSignature.Compute(CallsFixture.TwilioAuthToken, "https://evil.example.com/webhooks/twilio/status", form),
            _ => null,
        });
        if (variant == "missing") request.Headers.Remove(Domain.Integrations.TwilioSignature.HeaderName);

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await RawCallAsync(call.Id));
    }

    [Fact]
    public async Task Completed_before_ringing_does_not_regress_and_sets_timing_duration_and_cost()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var client = api.CreateClient();

        var completed = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "completed",
            ("SequenceNumber", "3"), ("CallDuration", "49"), ("Timestamp", "Mon, 02 Mar 2026 16:59:49 +0000"))));
        var ringing = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "ringing",
            ("SequenceNumber", "1"), ("Timestamp", "Mon, 02 Mar 2026 16:58:50 +0000"))));
        var answered = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "in-progress",
            ("SequenceNumber", "2"), ("Timestamp", "Mon, 02 Mar 2026 16:59:01 +0000"))));

        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ringing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        var stored = await api.Calls.Find(c => c.Id == call.Id).FirstAsync();
        Assert.Equal(CallStatus.Completed, stored.Status);
        Assert.Equal(new DateTime(2026, 3, 2, 16, 59, 49, DateTimeKind.Utc), stored.EndedAt);
        Assert.Equal(new DateTime(2026, 3, 2, 16, 59, 0, DateTimeKind.Utc), stored.AnsweredAt);
        Assert.Equal(49, stored.Duration);
        Assert.NotNull(stored.Cost);
        Assert.Equal(1m, stored.Cost.TwilioMinutes);
        Assert.Equal(0.014m, stored.Cost.TwilioRate);
        Assert.Equal(CallCost.Of(1m, 0.014m, 0, 0m).TotalCost, stored.Cost.TotalCost);
    }

    [Fact]
    public async Task The_same_callback_twice_changes_nothing_the_second_time()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var client = api.CreateClient();
        var form = Form(call.CallSid, "completed", ("CallDuration", "125"), ("Timestamp", "Mon, 02 Mar 2026 16:59:49 +0000"));

        await client.SendAsync(api.TwilioStatus(form));
        var first = await RawCallAsync(call.Id);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await client.SendAsync(api.TwilioStatus(form));

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(first, await RawCallAsync(call.Id));
        Assert.Equal(3m, (await api.Calls.Find(c => c.Id == call.Id).FirstAsync()).Cost!.TwilioMinutes);
    }

    [Fact]
    public async Task A_price_sent_by_twilio_is_the_cost()
    {
        var (_, call) = await api.AddLeadWithCallAsync();

        await api.CreateClient().SendAsync(api.TwilioStatus(Form(call.CallSid, "completed", ("CallDuration", "100"), ("Price", "-0.03000"), ("PriceUnit", "USD"))));

        var cost = (await api.Calls.Find(c => c.Id == call.Id).FirstAsync()).Cost!;
        Assert.Equal(2m, cost.TwilioMinutes);
        Assert.Equal(0.015m, cost.TwilioRate);
        Assert.Equal(0.03m, cost.TotalCost);
    }

    [Theory]
    [InlineData("busy", CallStatus.Busy)]
    [InlineData("no-answer", CallStatus.NoAnswer)]
    [InlineData("failed", CallStatus.Failed)]
    [InlineData("canceled", CallStatus.Failed)]
    public async Task Terminal_statuses_without_an_answer_end_the_call(string twilioStatus, CallStatus expected)
    {
        var (_, call) = await api.AddLeadWithCallAsync();

        await api.CreateClient().SendAsync(api.TwilioStatus(Form(call.CallSid, twilioStatus, ("CallDuration", "0"))));

        var stored = await api.Calls.Find(c => c.Id == call.Id).FirstAsync();
        Assert.Equal(expected, stored.Status);
        Assert.Null(stored.AnsweredAt);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, stored.EndedAt);
        Assert.Equal(0m, stored.Cost!.TotalCost);
    }

    [Fact]
    public async Task An_unknown_status_or_a_missing_call_sid_is_a_field_error_and_nothing_is_written()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var before = await RawCallAsync(call.Id);

        var badStatus = await api.CreateClient().SendAsync(api.TwilioStatus(Form(call.CallSid, "exploded")));
        var form = Form(call.CallSid, "completed", ("CallDuration", "abc"));
        var badDuration = await api.CreateClient().SendAsync(api.TwilioStatus(form));

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("CallStatus", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDuration.StatusCode);
        Assert.Contains("CallDuration", await badDuration.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await RawCallAsync(call.Id));
    }

    [Fact]
    public async Task An_unknown_call_is_not_found()
    {
        var response = await api.CreateClient().SendAsync(api.TwilioStatus(Form("CA00000000000000000000000000000000", "ringing")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("initiated")]
    [InlineData("in-progress")]
    public async Task A_progress_callback_for_an_unknown_call_is_not_found_and_writes_nothing(string twilioStatus)
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var before = await RawCallAsync(call.Id);

        var response = await api.CreateClient().SendAsync(api.TwilioStatus(Form("CA" + new string('9', 32), twilioStatus)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await RawCallAsync(call.Id));
        Assert.Equal(0, await api.Calls.CountDocumentsAsync(c => c.CallSid == "CA" + new string('9', 32)));
    }

    [Fact]
    public async Task An_answered_callback_sets_the_answer_time_once_and_a_late_ringing_is_accepted_without_regressing()
    {
        var (_, call) = await api.AddLeadWithCallAsync();
        var client = api.CreateClient();

        var answered = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "in-progress",
            ("SequenceNumber", "2"), ("Timestamp", "Mon, 02 Mar 2026 16:59:01 +0000"))));
        var again = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "in-progress",
            ("SequenceNumber", "2"), ("Timestamp", "Mon, 02 Mar 2026 16:59:30 +0000"))));
        var ringing = await client.SendAsync(api.TwilioStatus(Form(call.CallSid, "ringing",
            ("SequenceNumber", "1"), ("Timestamp", "Mon, 02 Mar 2026 16:58:50 +0000"))));

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ringing.StatusCode);
        var stored = await api.Calls.Find(c => c.Id == call.Id).FirstAsync();
        Assert.Equal(CallStatus.Answered, stored.Status);
        Assert.Equal(new DateTime(2026, 3, 2, 16, 59, 1, DateTimeKind.Utc), stored.AnsweredAt);
    }

    [Fact]
    public async Task A_json_body_is_refused_without_a_server_error()
    {
        var response = await api.CreateClient().PostAsync("/webhooks/twilio/status", new StringContent("""{"CallSid": {"$gt": ""}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public void Twilio_timestamps_in_rfc_2822_are_read_as_utc()
    {
        Assert.Equal(new DateTime(2018, 3, 25, 9, 53, 19, DateTimeKind.Utc), TwilioStatusWebhook.ParseTimestamp("Sun, 25 Mar 2018 09:53:19 +0000"));
        Assert.Null(TwilioStatusWebhook.ParseTimestamp("yesterday"));
    }
}
