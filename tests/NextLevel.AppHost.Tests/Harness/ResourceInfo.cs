namespace NextLevel.AppHost.Tests.Harness;

/// <summary>One resource as <c>GET /api/resources</c> of the ops page reports it.</summary>
public sealed record ResourceInfo(
    string Name,
    string Kind,
    string State,
    string Health,
    int? Pid,
    IReadOnlyList<string> Endpoints,
    int Restarts,
    int? ExitCode)
{
    public bool IsHealthy => Health == "Healthy";
}
