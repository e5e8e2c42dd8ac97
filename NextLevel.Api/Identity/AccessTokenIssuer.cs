using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NextLevel.Api.Identity;

/// <summary>Issues the staff access tokens (JWT, HMAC-SHA256, 8 hours).</summary>
public sealed class AccessTokenIssuer(SigningKeyProvider keys, TimeProvider clock)
{
    public const string Issuer = "nextlevel-api";
    public const string Audience = "nextlevel-staff";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public (string Token, DateTime ExpiresAt) Issue(StaffUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + Lifetime;
        var claims = new Dictionary<string, object>
        {
            [StaffClaims.Subject] = user.Id.ToString(),
            [StaffClaims.Name] = user.DisplayName,
            [StaffClaims.Role] = user.Roles.ToArray(),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}

/// <summary>Claim names of staff tokens, and reading them from a principal (token or test sign-in).</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    public static string? UserId(ClaimsPrincipal principal) =>
        principal.FindFirst(Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
