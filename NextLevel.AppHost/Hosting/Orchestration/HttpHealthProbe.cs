namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>Healthy when <c>GET url</c> answers 2xx within <see cref="Timeout"/>.</summary>
internal sealed class HttpHealthProbe(IHttpClientFactory httpClients, Uri url) : IHealthProbe
{
    public const string HttpClientName = "health-probes";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, deadline.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
    }
}
