using System.Security.Cryptography;
using System.Text;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>Constant-time checks of shared secrets and HMAC signatures. An unset secret accepts nothing.</summary>
internal static class WebhookSecrets
{
    /// <summary>True when <paramref name="presented"/> equals <paramref name="configured"/> (compared as SHA-256 digests, so also in constant length).</summary>
    public static bool SharedSecretMatches(string? presented, string? configured)
    {
        if (string.IsNullOrEmpty(configured) || presented is null) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>True when <paramref name="hexSignature"/> is the hex HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool HmacSha256HexMatches(ReadOnlySpan<byte> body, string? hexSignature, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(hexSignature)) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(hexSignature.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
