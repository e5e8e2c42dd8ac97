using Microsoft.Extensions.Configuration;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>What every runner needs, bundled so that constructors stay short.</summary>
internal sealed record RunnerServices(
    ResourceNotificationService Notifications,
    ResourceLoggerService Logs,
    ProcessLauncher Launcher,
    PortAllocator Ports,
    ContainerEngine Containers,
    IHttpClientFactory HttpClients,
    IConfiguration Configuration,
    AppHostOptions Options,
    TimeProvider Time);
