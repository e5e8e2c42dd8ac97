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

/// <summary>Everything the simulator will report about one call.</summary>
/// <param name="RingSeconds">Seconds of ringing before answer or give-up.</param>
/// <param name="DurationSeconds">Seconds from answer to hang-up (0 when not answered).</param>
/// <param name="Characters">Characters the AI voice spoke (ElevenLabs billing).</param>
public sealed record SimulatedCall(
    SimulatedCallEnd End,
    int RingSeconds,
    int DurationSeconds,
    double Sentiment,
    IReadOnlyList<SimulatedTurn> Transcript,
    int Characters,
    bool Successful,
    string Summary);
