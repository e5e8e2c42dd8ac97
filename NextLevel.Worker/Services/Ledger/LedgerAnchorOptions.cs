namespace NextLevel.Worker.Services.Ledger;

/// <summary>Options of the consent ledger's daily anchor (section <c>Worker:LedgerAnchor</c>).</summary>
public sealed class LedgerAnchorOptions
{
    public const string Section = "Worker:LedgerAnchor";

    /// <summary>How often the job looks whether yesterday (UTC) is anchored; it writes at most one anchor a day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(2);
}
