using System.Text.RegularExpressions;

namespace NextLevel.AppHost.Dashboard;

/// <summary>
/// Hides secrets before anything reaches the ops page: the password of a connection string, and the whole value of
/// a variable whose name says it is a secret (…PASSWORD, …SECRET, …TOKEN, …KEY).
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "****";

    private static readonly string[] SecretNameParts = ["PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "CREDENTIAL"];

    public static string MaskVariable(string name, string value) =>
        IsSecretName(name) ? Mask : MaskConnectionString(value);

    /// <summary>
    /// <c>mongodb://user:pass@host</c> → <c>mongodb://user:****@host</c>;
    /// <c>Password=pass;</c> or <c>?password=pass&amp;</c> → <c>Password=****</c>; <c>x-otlp-api-key=k</c> → <c>x-otlp-api-key=****</c>.
    /// </summary>
    public static string MaskConnectionString(string value)
    {
        var masked = UrlPassword().Replace(value, "${prefix}" + Mask + "@");
        return KeyValuePassword().Replace(masked, "${key}=" + Mask);
    }

    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretNameParts.Any(upper.Contains) || upper.EndsWith("KEY", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<prefix>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]+:)[^@\s]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<key>(?i:password|pwd|secret|token|sig|[a-z0-9_-]*api-?key))=[^;&,\s]+")]
    private static partial Regex KeyValuePassword();
}
