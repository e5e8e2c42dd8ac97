using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace NextLevel.Web.Auth;

/// <summary>A cookie whose Api token has expired is no session: the request continues as anonymous.</summary>
public static class CookieSessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var session = context.Principal is null ? null : StaffSession.From(context.Principal);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (session is null || session.IsExpired(now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
