using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// Healthy when the server answers <c>ping</c>. The server's URL may appear later (the embedded engine prints it
/// when ready), so it is read at each check; one client is kept per URL.
/// </summary>
internal sealed class MongoPingProbe(Func<string?> serverUrl) : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly BsonDocument Ping = new("ping", 1);

    private (string Url, MongoClient Client)? _client;

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (serverUrl() is not { } url)
        {
            return false;
        }

        try
        {
            var client = ClientFor(url);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(Ping, cancellationToken: deadline.Token);
            return true;
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _client?.Client.Dispose();

    private MongoClient ClientFor(string url)
    {
        if (_client is { } current && current.Url == url)
        {
            return current.Client;
        }
        _client?.Client.Dispose();
        var settings = MongoClientSettings.FromConnectionString(url);
        settings.ApplicationName = "NextLevel.AppHost";
        settings.ServerSelectionTimeout = Timeout;
        settings.ConnectTimeout = Timeout;
        var client = new MongoClient(settings);
        _client = (url, client);
        return client;
    }
}
