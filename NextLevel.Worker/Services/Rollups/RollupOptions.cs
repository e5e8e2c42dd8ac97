namespace NextLevel.Worker.Services.Rollups;

/// <summary>Options of the rollup loop (section <c>Worker:Rollups</c>).</summary>
public sealed class RollupOptions
{
    public const string Section = "Worker:Rollups";

    /// <summary>Full recomputation of every campaign, the agent and the compliance gauges.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Campaigns touched by recent calls are recomputed this often in between.</summary>
    public TimeSpan EventInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The agent_state document the Worker's automated calls are counted for.</summary>
    public string AgentId { get; set; } = "agent_conv_001";

    /// <summary>An answered call that ends within this many seconds is counted as abandoned.</summary>
    public int AbandonedSeconds { get; set; } = 2;
}
