namespace NextLevel.Domain.Compliance;

/// <summary>Normalises the phone spellings of DNC files and URLs to E.164 (the one spelling every lookup uses).</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// "+15551234567" (E.164, 8–15 digits) stays; a North American number written with any punctuation ("(201) 555-0123", "201,5550123",
    /// "1-201-555-0123") becomes +1NXXNXXXXXX when its area code and exchange start with 2–9. Anything else is rejected.
    /// </summary>
    public static bool TryNormalise(ReadOnlySpan<char> text, out string e164)
    {
        e164 = "";
        text = text.Trim();
        if (text.IsEmpty || text.Length > 40) return false;
        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return false;
                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or ',' or '+' or '\t' or '"')) return false;
        }
        var plus = text[0] == '+';
        ReadOnlySpan<char> number = digits[..count];
        if (plus)
        {
            // Already E.164: kept as written (the database's pattern), so lookups match what intake stored.
            if (count is < 8 or > 15 || number[0] == '0') return false;
            e164 = "+" + number.ToString();
            return true;
        }
        if (number.Length == 11 && number[0] == '1') number = number[1..];
        if (number.Length != 10 || number[0] < '2' || number[3] < '2') return false;
        e164 = "+1" + number.ToString();
        return true;
    }
}
