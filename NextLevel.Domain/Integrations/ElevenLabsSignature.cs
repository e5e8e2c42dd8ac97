using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NextLevel.Domain.Integrations;

/// <summary>What checking an <c>ElevenLabs-Signature</c> header found.</summary>
public enum ElevenLabsSignatureStatus
{
    Valid = 1,
    Missing = 2,
    Malformed = 3,
    Stale = 4,
    Mismatch = 5,
}

/// <summary>
/// ElevenLabs' webhook signature: header <c>ElevenLabs-Signature: t=&lt;unix seconds&gt;,v0=&lt;hex&gt;</c> where hex is the
/// lower-case hex HMAC-SHA256, keyed with the webhook's shared secret, of <c>"{t}.{raw body}"</c>. A timestamp older than
/// <see cref="Tolerance"/> is refused; later ones pass, as in ElevenLabs' own SDKs.
/// </summary>
public static class ElevenLabsSignature
{
    public const string HeaderName = "ElevenLabs-Signature";

    /// <summary>How old a signed timestamp may be (the SDKs' 30 minutes).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(30);

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="unixSeconds"/>.</summary>
    public static string Create(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v0={Convert.ToHexStringLower(Hash(secret, unixSeconds, body))}";
    }

    /// <summary>Checks <paramref name="header"/> against the raw body, the secret and the current time.</summary>
    public static ElevenLabsSignatureStatus Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(header)) return ElevenLabsSignatureStatus.Missing;
        if (!TryParse(header, out var timestamp, out var signature)) return ElevenLabsSignatureStatus.Malformed;
        if (timestamp < now.ToUnixTimeSeconds() - (long)Tolerance.TotalSeconds) return ElevenLabsSignatureStatus.Stale;

        var expected = Hash(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, signature)
            ? ElevenLabsSignatureStatus.Valid
            : ElevenLabsSignatureStatus.Mismatch;
    }

    /// <summary>Reads <c>t=</c> and <c>v0=</c> from the header; elements may come in any order.</summary>
    public static bool TryParse(string header, out long unixSeconds, out byte[] signature)
    {
        unixSeconds = 0;
        signature = [];
        string? t = null, v0 = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) t = part[2..];
            else if (part.StartsWith("v0=", StringComparison.Ordinal)) v0 = part[3..];
        }

        if (t is null || v0 is null || v0.Length != 64) return false;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)) return false;
        try
        {
            signature = Convert.FromHexString(v0);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Hash(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
