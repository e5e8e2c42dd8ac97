namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>One question to a resource: are you healthy now? Answers false rather than throwing.</summary>
internal interface IHealthProbe : IDisposable
{
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
