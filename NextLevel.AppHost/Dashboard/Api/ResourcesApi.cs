using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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
    /// Server-sent events: the kept lines, then each new one. Event ids are line sequence numbers, so a browser that
    /// reconnects (Last-Event-ID) resumes where it stopped instead of repeating the log.
    /// </summary>
    public static Results<ServerSentEventsResult<LogLineView>, NotFound> FollowLogs(
        string name,
        HttpRequest request,
        ResourceNotificationService notifications,
        ResourceLoggerService logs)
    {
        if (!notifications.TryGetSnapshot(name, out _))
        {
            return TypedResults.NotFound();
        }
        var resumeAfter = long.TryParse(request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen) ? lastSeen : 0;
        return TypedResults.ServerSentEvents(Events(logs.GetLog(name), resumeAfter, request.HttpContext.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<LogLineView>> Events(ResourceLog log, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in log.FollowAsync(afterSequence, cancellationToken))
        {
            var view = new LogLineView(line.Sequence, line.Timestamp, SecretMasker.MaskConnectionString(line.Text), line.IsError);
            yield return new SseItem<LogLineView>(view, "log") { EventId = line.Sequence.ToString(CultureInfo.InvariantCulture) };
        }
    }
}
