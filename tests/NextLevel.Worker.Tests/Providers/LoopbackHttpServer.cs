using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NextLevel.Worker.Tests.Providers;

/// <summary>One request as the loopback server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>A scripted answer of the loopback server.</summary>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>Kestrel on 127.0.0.1:0 that records every request and answers from a script (the last answer repeats).</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private ScriptedResponse _last = new(500, "{}");

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When each request arrived, in order (for rate-limit checks).</summary>
    public ConcurrentQueue<DateTimeOffset> ArrivalTimes { get; } = new();

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public static async Task<LoopbackHttpServer> StartAsync(params ScriptedResponse[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        foreach (var response in script) server._script.Enqueue(response);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        ArrivalTimes.Enqueue(DateTimeOffset.UtcNow);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, context.Request.ContentType, body));

        if (_script.TryDequeue(out var next)) _last = next;
        context.Response.StatusCode = _last.Status;
        context.Response.ContentType = _last.ContentType;
        await context.Response.WriteAsync(_last.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
