using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Web.ApiClient;

namespace NextLevel.Web.Auth;

/// <summary>Sign-out, session expiry and the CSV export proxy: plain HTTP endpoints beside the Blazor pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.SignOut, (Delegate)SignOutAsync);
        app.MapGet(AccountPaths.Expired, (Delegate)ExpiredAsync);
        app.MapGet("/leads/export.csv", ExportLeadsAsync).RequireAuthorization();
        return app;
    }

    public static async Task<RedirectHttpResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(AccountPaths.SignIn);
    }

    public static async Task<RedirectHttpResult> ExpiredAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(AccountPaths.SignIn + "?expired=true");
    }

    /// <summary>Streams the Api's CSV of the leads matching the grid's query string, under the user's own token.</summary>
    public static async Task ExportLeadsAsync(HttpContext context, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var session = StaffSession.From(context.User);
        if (session is null || session.IsExpired(DateTimeOffset.UtcNow))
        {
            context.Response.Redirect(AccountPaths.Expired);
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leads/export.csv" + context.Request.QueryString);
        request.Headers.Authorization = new("Bearer", session.AccessToken);
        using var response = await clients.CreateClient(ApiConnection.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            context.Response.Redirect(AccountPaths.Expired);
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "text/csv";
        context.Response.Headers.ContentDisposition = response.Content.Headers.ContentDisposition?.ToString() ?? "attachment; filename=leads.csv";
        await response.Content.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
