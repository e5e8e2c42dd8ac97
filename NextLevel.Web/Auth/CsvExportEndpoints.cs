using System.Net;
using NextLevel.Web.ApiClient;

namespace NextLevel.Web.Auth;

/// <summary>
/// CSV downloads: the browser asks the dashboard, which streams the Api's CSV under the signed-in user's token
/// (the token never reaches the browser).
/// </summary>
public static class CsvExportEndpoints
{
    public static IEndpointRouteBuilder MapCsvExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/leads/export.csv", (HttpContext context, IHttpClientFactory clients, TimeProvider time, CancellationToken cancellationToken) =>
            ProxyAsync(context, clients, time, "/api/leads/export.csv", cancellationToken)).RequireAuthorization();
        app.MapGet("/compliance/consent-log.csv", (HttpContext context, IHttpClientFactory clients, TimeProvider time, CancellationToken cancellationToken) =>
            ProxyAsync(context, clients, time, "/api/compliance/audit/consent-log.csv", cancellationToken)).RequireAuthorization();
        return app;
    }

    public static async Task ProxyAsync(HttpContext context, IHttpClientFactory clients, TimeProvider time, string apiPath, CancellationToken cancellationToken)
    {
        var session = StaffSession.From(context.User);
        if (session is null || session.IsExpired(time.GetUtcNow()))
        {
            context.Response.Redirect(AccountPaths.Expired);
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, apiPath + context.Request.QueryString);
        request.Headers.Authorization = new("Bearer", session.AccessToken);
        using var response = await clients.CreateClient(ApiConnection.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            context.Response.Redirect(AccountPaths.Expired);
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "text/csv";
        if (response.Content.Headers.ContentDisposition is { } disposition)
        {
            context.Response.Headers.ContentDisposition = disposition.ToString();
        }
        await response.Content.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
