using System.Text.RegularExpressions;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>E-mail addresses: trimmed, lower-case, one @ and a dotted domain, at most 254 characters.</summary>
public static partial class EmailNormalizer
{
    private const int MaxLength = 254;

    public static bool TryNormalize(string? raw, out string email)
    {
        email = "";
        if (string.IsNullOrWhiteSpace(raw)) return false;
        var candidate = raw.Trim().ToLowerInvariant();
        if (candidate.Length > MaxLength || !Shape().IsMatch(candidate)) return false;
        email = candidate;
        return true;
    }

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
