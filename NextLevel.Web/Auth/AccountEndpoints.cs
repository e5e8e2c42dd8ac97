using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NextLevel.Web.Auth;

/// <summary>Sign-out and session expiry: plain HTTP endpoints beside the Blazor pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.SignOut, (Delegate)SignOutAsync);
        app.MapGet(AccountPaths.Expired, (Delegate)ExpiredAsync);
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
}
