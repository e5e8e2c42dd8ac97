namespace NextLevel.Worker.Services.Closing;

/// <summary>Options of the closers' chores loop (section <c>Worker:Closing</c>).</summary>
public sealed class ClosingOptions
{
    public const string Section = "Worker:Closing";

    /// <summary>How often overdue tasks are reminded and expired offers closed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many reminders per pass.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>The Web's address, for links in reminders (optional).</summary>
    public string? WebBaseUrl { get; set; }
}
