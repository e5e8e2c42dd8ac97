using System.Text.Json;
using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Simulator;

namespace NextLevel.Worker.Tests.Simulator;

/// <summary>
/// Simulated conversations report what the agent collected (ElevenLabs data_collection_results), consistent with the
/// transcript, so the Api's outcome rules fire: qualified with a site visit, callback with its time, not interested.
/// </summary>
public sealed class SimulatedFindingsTests
{
    [Fact]
    public void Every_conversation_reports_an_outcome_matching_its_transcript_with_callback_and_site_visit_times()
    {
        var options = Options.Create(new SimulatorOptions { Seed = 11, Speedup = 1_000_000, AnsweredRate = 1, VoicemailRate = 0, BusyRate = 0, FailedRate = 0 });
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
        using var reports = new SimulatorReports(options, clock);
        var generator = new CallOutcomeGenerator(options);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var call = generator.Next("Pat");
            reports.Enqueue(new OutboundCallRequest($"lead{i}", $"call{i}", "+12065550100", "+15005550006", null, null, null, new Dictionary<string, string>(), null),
                new CallPlacement($"CA{i}", $"conv{i}", "queued"), call);
        }
        clock.Advance(TimeSpan.FromHours(1));
        var postCalls = reports.TakeDue(clock.GetUtcNow(), out _).Where(r => r.Kind == "elevenlabs").ToList();
        Assert.Equal(400, postCalls.Count);

        foreach (var report in postCalls)
        {
            using var json = JsonDocument.Parse(report.Json!);
            var data = json.RootElement.GetProperty("data");
            var items = data.GetProperty("analysis").GetProperty("data_collection_results");
            string? Value(string id) => items.TryGetProperty(id, out var item) ? item.GetProperty("value").ToString() : null;
            var outcome = Value("outcome")!;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            var userTurns = data.GetProperty("transcript").EnumerateArray().Where(t => t.GetProperty("role").GetString() == "user").Select(t => t.GetProperty("message").GetString()!).ToList();
            var answeredAt = DateTimeOffset.FromUnixTimeSeconds(data.GetProperty("metadata").GetProperty("start_time_unix_secs").GetInt64());
            Assert.NotNull(Value("sentiment"));
            switch (outcome)
            {
                case "qualified":
                    Assert.Contains(userTurns, t => t.Contains("Thursday", StringComparison.Ordinal));
                    Assert.True(DateTimeOffset.Parse(Value("site_visit_at")!, System.Globalization.CultureInfo.InvariantCulture) > answeredAt);
                    Assert.Equal("250000", Value("price_expectation"));
                    break;
                case "callback":
                    Assert.Contains(userTurns, t => t.Contains("call me back", StringComparison.Ordinal));
                    Assert.True(DateTimeOffset.Parse(Value("callback_at")!, System.Globalization.CultureInfo.InvariantCulture) > answeredAt);
                    Assert.Null(Value("site_visit_at"));
                    break;
                case "not_interested":
                    Assert.Contains(userTurns, t => t.Contains("not sure about selling", StringComparison.Ordinal) || t.Contains("do not call me", StringComparison.Ordinal));
                    Assert.Null(Value("site_visit_at"));
                    break;
                default:
                    Assert.Fail($"unexpected outcome {outcome}");
                    break;
            }
        }
        Assert.All(new[] { "qualified", "callback", "not_interested" }, o => Assert.InRange(outcomes.GetValueOrDefault(o), 60, 200));
    }
}
