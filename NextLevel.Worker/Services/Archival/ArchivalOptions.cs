namespace NextLevel.Worker.Services.Archival;

/// <summary>Options of the transcript archival loop (section <c>Worker:Archival</c>). The retention itself is the
/// system setting <c>retention.transcriptsDays</c> (default 365).</summary>
public sealed class ArchivalOptions
{
    public const string Section = "Worker:Archival";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Transcripts copied, verified and deleted per round.</summary>
    public int BatchSize { get; set; } = 500;
}
