using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using MongoDB.Bson;

namespace NextLevel.Api.Identity;

/// <summary>
/// After a token's signature and lifetime check: the user must still exist and be enabled, and the roles are the
/// stored ones, so disabling a user or changing roles takes effect on the next request.
/// </summary>
internal static class StaffTokenValidation
{
    public static async Task RefreshFromStoreAsync(TokenValidatedContext context)
    {
        if (context.Principal is null || !ObjectId.TryParse(StaffClaims.UserId(context.Principal), out var id))
        {
            context.Fail("The token names no user.");
            return;
        }
        var users = context.HttpContext.RequestServices.GetRequiredService<StaffUserStore>();
        var user = await users.FindAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled)
        {
            context.Fail("The user is unknown or disabled.");
            return;
        }
        var claims = new List<Claim> { new(StaffClaims.Subject, user.Id.ToString()), new(StaffClaims.Name, user.DisplayName) };
        claims.AddRange(user.Roles.Select(r => new Claim(StaffClaims.Role, r)));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, StaffClaims.Name, StaffClaims.Role));
    }
}
