namespace NextLevel.AppHost.Otlp.Model;

/// <summary>A structured log record as the ops page shows it. [Immutable]</summary>
public sealed record OtlpLogEntry(
    long Sequence,
    string Resource,
    DateTimeOffset Timestamp,
    int SeverityNumber,
    string Level,
    string Message,
    string Scope,
    IReadOnlyList<OtlpAttribute> Attributes,
    string? TraceId,
    string? SpanId,
    string? Exception)
{
    /// <summary>Minimum-level filters compare this: Trace, Debug, Information, Warning, Error, Critical.</summary>
    public static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    /// <summary>OTLP severity numbers 1–24 in six bands of four (the spec's TRACE..FATAL).</summary>
    public static string LevelOf(int severityNumber) =>
        severityNumber <= 0 ? "Information" : Levels[Math.Min((severityNumber - 1) / 4, Levels.Length - 1)];

    public static int LevelRank(string level)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            if (ReferenceEquals(Levels[i], level) || string.Equals(Levels[i], level, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public bool Matches(string text) =>
        Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase))
        || (Exception?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}
