namespace NextLevel.Api.Identity;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record SetupRequest(string? Token, string? Email, string? DisplayName, string? Password);

public sealed record StaffUserView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles)
{
    public static StaffUserView From(StaffUser user) => new(user.Id.ToString(), user.Email, user.DisplayName, user.Roles);
}

public sealed record StaffUserDetail(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, DateTime CreatedAt, DateTime? LastSignInAt, string? TimeZone)
{
    public static StaffUserDetail From(StaffUser user) =>
        new(user.Id.ToString(), user.Email, user.DisplayName, user.Roles, user.Disabled, user.CreatedAt, user.LastSignInAt, user.TimeZone);
}

public sealed record TokenResponse(string AccessToken, string TokenType, DateTime ExpiresAt, StaffUserView User);

public sealed record CreateUserRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Password, string? TimeZone);

public sealed record UpdateUserRequest(IReadOnlyList<string>? Roles, bool? Disabled, string? DisplayName, string? TimeZone);

public sealed record SetPasswordRequest(string? Password);
