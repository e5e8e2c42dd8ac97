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

    private static readonly (string User, string Agent, double Mood)[] Exchanges =
    [
        ("Yes, I have a few minutes. What is this about?", "You asked about selling your home. Can I ask what your timeline looks like?", 0.2),
        ("We need to move within a month or two, my job is relocating us.", "That makes sense. What condition is the property in, any repairs needed?", 0.4),
        ("The roof is older and the kitchen needs work.", "Thanks, that helps. We buy as-is, so you would not need to fix anything. What are you hoping to get for it?", 0.3),
        ("Honestly I am not sure about selling right now.", "I understand. What would need to change for you to consider it?", -0.2),
        ("Somewhere around what the neighbours got, I think.", "That is fair. Would you be open to a quick site visit this week so we can make a firm cash offer?", 0.5),
        ("Sure, Thursday afternoon works.", "Perfect, I will send you a confirmation for Thursday at 2pm. Thank you!", 0.7),
        ("Please do not call me again.", "Understood, I will make sure you are not contacted again. Have a good day.", -0.6),
    ];

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

    private SimulatedCall Conversation(string? firstName)
    {
        var turns = new List<SimulatedTurn> { new("agent", string.Format(System.Globalization.CultureInfo.InvariantCulture, Openings[0], string.IsNullOrWhiteSpace(firstName) ? "there" : firstName), 0) };
        var exchanges = _random.Next(2, 6);
        var clock = 5;
        var mood = 0.0;
        var characters = turns[0].Message.Length;
        var declined = _random.NextDouble() < 0.15;
        for (var i = 0; i < exchanges; i++)
        {
            var (user, agent, m) = declined && i == exchanges - 1 ? Exchanges[^1] : Exchanges[Math.Min(i + (i > 1 ? _random.Next(0, 2) : 0), Exchanges.Length - 2)];
            turns.Add(new SimulatedTurn("user", user, clock));
            clock += _random.Next(8, 40);
            turns.Add(new SimulatedTurn("agent", agent, clock));
            clock += _random.Next(8, 40);
            characters += agent.Length;
            mood += m;
        }
        var duration = Math.Max(clock + 5, _random.Next(60, 600));
        var sentiment = Math.Clamp(Math.Round(mood / exchanges + (_random.NextDouble() - 0.5) * 0.2, 2), -1, 1);
        var successful = !declined && sentiment > 0.2;
        var summary = declined ? "The owner asked not to be called again." : successful ? "The owner is motivated and agreed to a site visit." : "The owner is undecided; follow up later.";
        return new SimulatedCall(SimulatedCallEnd.Conversation, _random.Next(5, 20), duration, sentiment, turns, characters * Math.Max(1, duration / 60), successful, summary);
    }
}
