using Microsoft.Extensions.Options;

namespace NextLevel.Worker.Simulator;

/// <summary>
/// Draws plausible call outcomes: answered conversations of one to ten minutes with a short transcript and a
/// sentiment, voicemails of 20–45 s, no answer after about 30 s of ringing, busy, and rare failures.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class CallOutcomeGenerator(IOptions<SimulatorOptions> options)
{
    private static readonly string[] Openings =
    [
        "Hi {0}, this is Alex calling from Next Level Real Estate about your property inquiry. This call may be recorded. Is now a good time?",
    ];

    // The owner's side of the conversation, by where it goes: each list is a script of (owner, agent, mood) turns.
    private static readonly (string User, string Agent, double Mood)[] Discovery =
    [
        ("Yes, I have a few minutes. What is this about?", "You asked about selling your home. Can I ask what your timeline looks like?", 0.2),
        ("We need to move within a month or two, my job is relocating us.", "That makes sense. What condition is the property in, any repairs needed?", 0.4),
        ("The roof is older and the kitchen needs work.", "Thanks, that helps. We buy as-is, so you would not need to fix anything. What are you hoping to get for it?", 0.3),
        ("Somewhere around what the neighbours got, I think. About two hundred and fifty thousand.", "That is fair. Would you be open to a quick site visit so we can make a firm cash offer?", 0.5),
    ];

    private static readonly (string User, string Agent, double Mood) SiteVisitAgreed =
        ("Sure, Thursday afternoon works.", "Perfect, I will send you a confirmation for Thursday afternoon. Thank you!", 0.7);

    private static readonly (string User, string Agent, double Mood) CallbackAsked =
        ("I am in the middle of something, can you call me back tomorrow?", "Of course, I will call you back tomorrow at the same time. Thanks!", 0.1);

    private static readonly (string User, string Agent, double Mood) NotSelling =
        ("Honestly I am not sure about selling right now. I think we will stay.", "I understand. If anything changes, we are happy to help. Have a good day.", -0.2);

    private static readonly (string User, string Agent, double Mood) DoNotCall =
        ("Please do not call me again.", "Understood, I will make sure you are not contacted again. Have a good day.", -0.6);

    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();

    public SimulatedCall Next(string? firstName)
    {
        lock (_lock)
        {
            var o = options.Value;
            var roll = _random.NextDouble();
            if (roll < o.AnsweredRate) return Conversation(firstName);
            roll -= o.AnsweredRate;
            if (roll < o.VoicemailRate)
            {
                var length = _random.Next(20, 46);
                return new SimulatedCall(SimulatedCallEnd.Voicemail, _random.Next(15, 30), length, 0, [], 40 * length / 3, false, "Left a voicemail.");
            }
            roll -= o.VoicemailRate;
            if (roll < o.BusyRate) return new SimulatedCall(SimulatedCallEnd.Busy, _random.Next(1, 4), 0, 0, [], 0, false, "Line busy.");
            roll -= o.BusyRate;
            if (roll < o.FailedRate) return new SimulatedCall(SimulatedCallEnd.Failed, 0, 0, 0, [], 0, false, "Carrier rejected the call.");
            return new SimulatedCall(SimulatedCallEnd.NoAnswer, _random.Next(25, 40), 0, 0, [], 0, false, "No answer.");
        }
    }

    /// <summary>
    /// A conversation that goes one of four ways — the owner agrees to a site visit (qualified), asks to be called back,
    /// is not selling, or asks not to be called again — with a transcript that says so and the agent's findings.
    /// </summary>
    private SimulatedCall Conversation(string? firstName)
    {
        var turns = new List<SimulatedTurn> { new("agent", string.Format(System.Globalization.CultureInfo.InvariantCulture, Openings[0], string.IsNullOrWhiteSpace(firstName) ? "there" : firstName), 0) };
        var roll = _random.NextDouble();
        var way = roll < 0.30 ? "qualified" : roll < 0.60 ? "callback" : roll < 0.85 ? "not_interested" : "do_not_call";
        List<(string User, string Agent, double Mood)> script = way switch
        {
            "qualified" => [.. Discovery, SiteVisitAgreed],
            "callback" => [.. Discovery.Take(_random.Next(0, 2)), CallbackAsked],
            "not_interested" => [.. Discovery.Take(_random.Next(1, 3)), NotSelling],
            _ => [DoNotCall],
        };
        var clock = 5;
        var mood = 0.0;
        var characters = turns[0].Message.Length;
        foreach (var (user, agent, m) in script)
        {
            turns.Add(new SimulatedTurn("user", user, clock));
            clock += _random.Next(8, 40);
            turns.Add(new SimulatedTurn("agent", agent, clock));
            clock += _random.Next(8, 40);
            characters += agent.Length;
            mood += m;
        }
        var duration = way == "qualified" ? Math.Max(clock + 5, _random.Next(120, 600)) : clock + 5;
        var sentiment = Math.Clamp(Math.Round(mood / script.Count + (_random.NextDouble() - 0.5) * 0.2, 2), -1, 1);
        var heardCondition = script.Contains(Discovery[2]);
        var findings = new SimulatedFindings(
            Outcome: way == "do_not_call" ? "not_interested" : way,
            CallbackAfter: way == "callback" ? TimeSpan.FromDays(1) : null,
            SiteVisitAfter: way == "qualified" ? TimeSpan.FromDays(_random.Next(2, 5)) : null,
            PropertyCondition: heardCondition ? "needs_repairs" : null,
            MotivationFactors: script.Contains(Discovery[1]) ? ["relocation"] : [],
            Timeframe: script.Contains(Discovery[1]) ? "1-2 months" : null,
            PriceExpectation: script.Contains(Discovery[3]) ? 250_000 : null);
        var summary = way switch
        {
            "qualified" => "The owner is motivated (relocating) and agreed to a site visit.",
            "callback" => "The owner asked to be called back tomorrow.",
            "not_interested" => "The owner is not selling for now.",
            _ => "The owner asked not to be called again.",
        };
        return new SimulatedCall(SimulatedCallEnd.Conversation, _random.Next(5, 20), duration, sentiment, turns, characters * Math.Max(1, duration / 60), way is "qualified" or "callback", summary, findings);
    }
}
