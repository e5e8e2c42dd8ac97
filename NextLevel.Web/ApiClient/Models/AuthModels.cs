namespace NextLevel.Web.ApiClient.Models;

public sealed record StaffUser(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, StaffUser User);

public sealed record TokenRequest(string Email, string Password);
