using System.Globalization;
using System.Security.Claims;
using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.Auth;

/// <summary>
/// What the auth cookie holds about the signed-in staff member: who they are, their roles, and the Api token with
/// its expiry. The cookie is encrypted by data protection, so the token never reaches the browser's script.
/// </summary>
public sealed record StaffSession(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, string AccessToken, DateTimeOffset ExpiresAt)
{
    public const string AccessTokenClaim = "nl:access_token";
    public const string ExpiresAtClaim = "nl:expires_at";

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public static ClaimsPrincipal ToPrincipal(TokenResponse token, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.User.Id),
            new(ClaimTypes.Email, token.User.Email),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(token.User.DisplayName) ? token.User.Email : token.User.DisplayName),
            new(AccessTokenClaim, token.AccessToken),
            new(ExpiresAtClaim, token.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(token.User.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static StaffSession? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var token = user.FindFirstValue(AccessTokenClaim);
        if (token is null || !long.TryParse(user.FindFirstValue(ExpiresAtClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        return new StaffSession(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(ClaimTypes.Email) ?? "",
            user.FindFirstValue(ClaimTypes.Name) ?? "", [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            token, DateTimeOffset.FromUnixTimeSeconds(expires));
    }
}
