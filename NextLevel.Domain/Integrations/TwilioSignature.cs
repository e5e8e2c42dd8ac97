using System.Security.Cryptography;
using System.Text;

namespace NextLevel.Domain.Integrations;

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>): Base64(HMAC-SHA1(authToken, url + each parameter's
/// name and value, names sorted ordinally)). Repeated names contribute each distinct value once, values sorted, as
/// Twilio's Python and Node validators do. Pure: the Api validates with it and the Worker's simulator signs with it.
/// https://www.twilio.com/docs/usage/webhooks/webhooks-security
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The signature Twilio sends for a form POST to <paramref name="url"/> (the URL exactly as configured at Twilio).</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var group in (parameters ?? []).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                data.Append(group.Key).Append(value);
        }
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is Twilio's for this request: computed over the URL as given, and over
    /// the URL with its default port removed or added (Twilio's SDKs accept both), compared in constant time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature)) return false;
        var list = parameters.ToList();
        var expected = Encoding.UTF8.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            var computed = Encoding.UTF8.GetBytes(Compute(authToken, candidate, list));
            if (CryptographicOperations.FixedTimeEquals(computed, expected)) return true;
        }
        return false;
    }

    /// <summary>The URL itself, without its port, and with the scheme's default port (casing of scheme, userinfo and host kept).</summary>
    public static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) yield break;
        var authorityStart = schemeEnd + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (pathStart < 0) pathStart = url.Length;
        var authority = url[authorityStart..pathStart];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portSeparator = authority.IndexOf(':', hostStart);
        var prefix = url[..authorityStart];
        var rest = url[pathStart..];
        if (portSeparator >= 0)
        {
            yield return prefix + authority[..portSeparator] + rest;
        }
        else
        {
            var scheme = url[..schemeEnd];
            var port = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443" : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80" : null;
            if (port is not null) yield return prefix + authority + ":" + port + rest;
        }
    }
}
