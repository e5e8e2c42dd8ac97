using System.Net.Mail;

namespace NextLevel.Api.Identity;

/// <summary>Field checks of the identity requests; each returns field → messages (empty when valid).</summary>
internal static class IdentityValidation
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 256;

    public static void Email(Dictionary<string, string[]> errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) errors["email"] = ["Email is required."];
        else if (email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim()) errors["email"] = ["Email is not a valid address."];
    }

    public static void DisplayName(Dictionary<string, string[]> errors, string? name, bool required = true)
    {
        if (name is null) { if (required) errors["displayName"] = ["Display name is required."]; }
        else if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors["displayName"] = ["Display name must be 1 to 100 characters."];
    }

    public static void Password(Dictionary<string, string[]> errors, string? password)
    {
        if (string.IsNullOrEmpty(password)) errors["password"] = ["Password is required."];
        else if (password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength)
            errors["password"] = [$"Password must be {MinimumPasswordLength} to {MaximumPasswordLength} characters."];
    }

    public static void Roles(Dictionary<string, string[]> errors, IReadOnlyList<string>? roles, bool required = true)
    {
        if (roles is null) { if (required) errors["roles"] = ["At least one role is required."]; return; }
        if (roles.Count == 0) errors["roles"] = ["At least one role is required."];
        else if (roles.FirstOrDefault(r => !StaffRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
            errors["roles"] = [$"Unknown role '{Shorten(unknown)}'; roles are {string.Join(", ", StaffRoles.All)}."];
    }

    public static void TimeZone(Dictionary<string, string[]> errors, string? timeZone)
    {
        if (timeZone is null) return;
        if (timeZone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
            errors["timeZone"] = ["Time zone must be an IANA id such as America/Chicago."];
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40];
}
