using System.Net;
using System.Net.Sockets;

namespace NextLevel.AppHost.Hosting.Processes;

/// <summary>
/// Hands out free loopback ports, each once per AppHost run. The OS picks them (bind to port 0), so they are free
/// at the time of asking; a resource keeps its port across restarts. [Singleton - ThreadSafe]
/// </summary>
internal sealed class PortAllocator
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _handedOut = [];

    public int Allocate()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (_gate)
            {
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
