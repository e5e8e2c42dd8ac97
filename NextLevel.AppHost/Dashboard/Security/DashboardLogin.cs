using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NextLevel.AppHost.Dashboard.Security;

/// <summary>
/// Guards the ops page and its API: <c>/login?t=&lt;token&gt;</c> sets the session cookie and opens the page;
/// without the cookie, pages redirect to the login form and <c>/api/</c> answers 401. Requests on other ports (the
/// OTLP receiver, which checks its own key) pass through.
/// </summary>
internal static class DashboardLogin
{
    public const string LoginPath = "/login";

    public static IApplicationBuilder UseDashboardLogin(this IApplicationBuilder app, BrowserToken token, int dashboardPort)
    {
        if (token.Unsecured)
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort != dashboardPort)
            {
                await next(context);
                return;
            }
            if (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
            {
                await LoginAsync(context, token);
                return;
            }
            if (context.Request.Path.Equals("/app.css", StringComparison.Ordinal) || token.IsSession(context.Request.Cookies[BrowserToken.CookieName]))
            {
                await next(context);
                return;
            }
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { title = "Unauthorized", status = 401, detail = "Open the login URL the AppHost printed at start." });
                return;
            }
            context.Response.Redirect(LoginPath);
        });
    }

    private static async Task LoginAsync(HttpContext context, BrowserToken token)
    {
        var presented = context.Request.Query["t"].ToString();
        if (token.IsToken(presented))
        {
            context.Response.Cookies.Append(BrowserToken.CookieName, token.SessionValue, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            context.Response.Redirect("/");
            return;
        }
        context.Response.StatusCode = string.IsNullOrEmpty(presented) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(LoginPage(string.IsNullOrEmpty(presented) ? null : "That token is not this run's token."));
    }

    private static string LoginPage(string? error) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Next Level Real Estate · Ops · Login</title>
        <link rel="stylesheet" href="app.css"></head>
        <body><header class="top-bar"><span class="brand">Next Level Real Estate</span><span class="subtitle">Ops · login</span></header>
        <main><section class="login">
        <h1>Login</h1>
        <p>Open the login URL the AppHost printed when it started, or paste its token (the <code>t=</code> value) here.</p>
        {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="get" action="login"><label>Token <input name="t" id="token" autocomplete="off" required></label>
        <button type="submit">Log in</button></form>
        </section></main></body></html>
        """;
}
