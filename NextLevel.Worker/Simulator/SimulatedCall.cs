namespace NextLevel.Worker.Simulator;

/// <summary>How a simulated call ends, as Twilio would report it.</summary>
public enum SimulatedCallEnd
{
    Conversation = 1,
    Voicemail = 2,
    NoAnswer = 3,
    Busy = 4,
    Failed = 5,
}

/// <summary>One turn of a simulated conversation.</summary>
public sealed record SimulatedTurn(string Role, string Message, int TimeInCallSecs);

/// <summary>
/// What the AI agent collected in a conversation, reported as ElevenLabs data-collection items (the ids the Api reads,
/// docs/integrations.md): outcome (qualified, callback, not_interested), a callback or site visit some time after the
/// call, the property's condition, the owner's motivation, timeframe and price expectation.
/// </summary>
public sealed record SimulatedFindings(
    string Outcome,
    TimeSpan? CallbackAfter,
    TimeSpan? SiteVisitAfter,
    string? PropertyCondition,
    IReadOnlyList<string> MotivationFactors,
    string? Timeframe,
    int? PriceExpectation);

/// <summary>Everything the simulator will report about one call.</summary>
/// <param name="RingSeconds">Seconds of ringing before answer or give-up.</param>
/// <param name="DurationSeconds">Seconds from answer to hang-up (0 when not answered).</param>
/// <param name="Characters">Characters the AI voice spoke (ElevenLabs billing).</param>
/// <param name="Findings">What the agent collected; conversations only.</param>
public sealed record SimulatedCall(
    SimulatedCallEnd End,
    int RingSeconds,
    int DurationSeconds,
    double Sentiment,
    IReadOnlyList<SimulatedTurn> Transcript,
    int Characters,
    bool Successful,
    string Summary,
    SimulatedFindings? Findings = null);
