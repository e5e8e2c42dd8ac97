using PhoneNumbers;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>Phone numbers to E.164 (libphonenumber). Numbers without a country code are read in the default region (US).</summary>
public static class PhoneNormalizer
{
    public const string DefaultRegion = "US";

    private const int MaxRawLength = 40;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>True and the E.164 form when <paramref name="raw"/> is a valid number; false otherwise.</summary>
    public static bool TryNormalize(string? raw, out string e164, string defaultRegion = DefaultRegion)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxRawLength) return false;
        try
        {
            var number = Util.Parse(raw.Trim(), defaultRegion);
            if (!Util.IsValidNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
