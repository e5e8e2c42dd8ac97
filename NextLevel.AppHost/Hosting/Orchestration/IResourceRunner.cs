using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>Runs one resource for the life of the AppHost.</summary>
internal interface IResourceRunner
{
    IResource Resource { get; }

    /// <summary>What the console table and the ops page show as the resource's address before it runs.</summary>
    string Describe();

    /// <summary>Waits for the resources it depends on, starts it and keeps it running until <paramref name="stopping"/>.</summary>
    Task RunAsync(CancellationToken stopping);

    /// <summary>Stops what runs and returns once it has exited.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
