namespace NextLevel.Worker.Simulator;

/// <summary>Options of the local provider simulator (section <c>Worker:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Worker:Simulator";

    /// <summary>Simulated time runs this much faster than call time when reporting outcomes (a 7-minute call reports
    /// after 7 × 60 / 20 = 21 s by default), so a local run shows results within seconds.</summary>
    public double Speedup { get; set; } = 20;

    /// <summary>Seed of the outcome generator; null = a different sequence each run.</summary>
    public int? Seed { get; set; }

    /// <summary>Share of calls a person answers (the rest: voicemail, no answer, busy, failed).</summary>
    public double AnsweredRate { get; set; } = 0.38;

    public double VoicemailRate { get; set; } = 0.22;

    public double BusyRate { get; set; } = 0.08;

    public double FailedRate { get; set; } = 0.03;

    /// <summary>Our simulated Twilio account id (AC + 32 hex), echoed in status callbacks.</summary>
    public string AccountSid { get; set; } = "AC" + new string('0', 32);
}
