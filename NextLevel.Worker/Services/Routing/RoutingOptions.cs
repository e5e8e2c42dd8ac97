namespace NextLevel.Worker.Services.Routing;

/// <summary>Options of the routing loop (section <c>Worker:Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Worker:Routing";

    /// <summary>How often expired claim windows and pending manager alerts are looked for.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Leads handled per round and kind (expiries, alerts).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Base address of the staff web app for links in alert e-mails (e.g. https://office.example.com); none: no link.</summary>
    public string? WebBaseUrl { get; set; }
}
