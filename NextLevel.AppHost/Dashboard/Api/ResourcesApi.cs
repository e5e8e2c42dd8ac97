using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Dashboard.Api;

/// <summary>The ops page's HTTP API: resources, their environment, and their console logs as a live stream.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources");
        api.MapGet("/", GetResources);
        api.MapGet("/{name}/environment", GetEnvironment);
        api.MapGet("/{name}/logs", FollowLogs);
        return api;
    }

    public static Ok<ResourceView[]> GetResources(ResourceNotificationService notifications, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok(notifications.GetSnapshots().Select(snapshot => ResourceView.From(snapshot, now)).ToArray());
    }

    public static Results<Ok<EnvironmentVariableView[]>, NotFound> GetEnvironment(string name, ResourceNotificationService notifications) =>
        notifications.TryGetSnapshot(name, out var snapshot)
            ? TypedResults.Ok(snapshot!.Environment.Select(v => new EnvironmentVariableView(v.Key, SecretMasker.MaskVariable(v.Key, v.Value))).ToArray())
            : TypedResults.NotFound();

    /// <summary>
    /// Server-sent events: the kept lines, then each new one, until the client leaves or the AppHost stops. Event ids
    /// are line sequence numbers, so a browser that reconnects (Last-Event-ID) resumes where it stopped.
    /// </summary>
    public static Results<ServerSentEventsResult<LogLineView>, NotFound> FollowLogs(
        string name,
        HttpRequest request,
        ResourceNotificationService notifications,
        ResourceLoggerService logs,
        IHostApplicationLifetime lifetime)
    {
        if (!notifications.TryGetSnapshot(name, out _))
        {
            return TypedResults.NotFound();
        }
        var resumeAfter = long.TryParse(request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen) ? lastSeen : 0;
        return TypedResults.ServerSentEvents(Events(logs.GetLog(name), resumeAfter, lifetime.ApplicationStopping, request.HttpContext.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<LogLineView>> Events(
        ResourceLog log, long afterSequence, CancellationToken applicationStopping, [EnumeratorCancellation] CancellationToken requestAborted = default)
    {
        // An open stream would hold the server's shutdown until its timeout: it also ends when the AppHost stops.
        using var end = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, applicationStopping);
        await using var lines = log.FollowAsync(afterSequence, end.Token).GetAsyncEnumerator(end.Token);
        while (await NextOrEndAsync(lines))
        {
            var line = lines.Current;
            var view = new LogLineView(line.Sequence, line.Timestamp, SecretMasker.MaskConnectionString(line.Text), line.IsError);
            yield return new SseItem<LogLineView>(view, "log") { EventId = line.Sequence.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static async ValueTask<bool> NextOrEndAsync(IAsyncEnumerator<LogLine> lines)
    {
        try
        {
            return await lines.MoveNextAsync();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
