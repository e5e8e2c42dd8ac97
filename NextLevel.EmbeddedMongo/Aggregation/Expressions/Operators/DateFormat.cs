using System.Globalization;
using System.Text;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>The %-format of $dateToString and $dateFromString.</summary>
internal static class DateFormat
{
    public const string Default = "%Y-%m-%dT%H:%M:%S.%LZ";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    /// <summary>Checks a format string once at parse time when it is constant.</summary>
    public static void Validate(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%') continue;
            if (i + 1 >= format.Length) throw MongoError.Location(18535, "Unmatched '%' at end of format string");
            if (!"dGHjLmMSuUVwYzZbB%".Contains(format[i + 1], StringComparison.Ordinal))
                throw MongoError.Location(18536, $"Invalid format character '%{format[i + 1]}' in format string");
            i++;
        }
    }

    public static string Format(DateTime utc, DateZone zone, string format)
    {
        Validate(format);
        var local = zone.ToLocal(utc);
        var offset = zone.OffsetAt(utc);
        var builder = new StringBuilder(format.Length + 8);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                builder.Append(format[i]);
                continue;
            }
            var spec = format[++i];
            switch (spec)
            {
                case 'Y':
                    if (local.Year > 9999) throw MongoError.Location(18537, "Could not convert date to string: date component was outside the supported range of 0-9999");
                    Pad(builder, local.Year, 4);
                    break;
                case 'm': Pad(builder, local.Month, 2); break;
                case 'd': Pad(builder, local.Day, 2); break;
                case 'H': Pad(builder, local.Hour, 2); break;
                case 'M': Pad(builder, local.Minute, 2); break;
                case 'S': Pad(builder, local.Second, 2); break;
                case 'L': Pad(builder, local.Millisecond, 3); break;
                case 'j': Pad(builder, local.DayOfYear, 3); break;
                case 'w': builder.Append((int)local.DayOfWeek + 1); break;
                case 'u': builder.Append(DatePartOperators.IsoDayOfWeek(local)); break;
                case 'U': Pad(builder, DatePartOperators.SundayWeek(local), 2); break;
                case 'V': Pad(builder, ISOWeek.GetWeekOfYear(local), 2); break;
                case 'G': Pad(builder, ISOWeek.GetYear(local), 4); break;
                case 'b': builder.Append(MonthAbbreviations[local.Month - 1]); break;
                case 'B': builder.Append(MonthNames[local.Month - 1]); break;
                case 'z':
                    builder.Append(offset < TimeSpan.Zero ? '-' : '+');
                    Pad(builder, Math.Abs(offset.Hours), 2);
                    Pad(builder, Math.Abs(offset.Minutes), 2);
                    break;
                case 'Z':
                    builder.Append(offset < TimeSpan.Zero ? '-' : '+').Append((int)Math.Abs(offset.TotalMinutes));
                    break;
                case '%': builder.Append('%'); break;
            }
        }
        return builder.ToString();
    }

    private static void Pad(StringBuilder builder, int value, int width) =>
        builder.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));

    /// <summary>Parses a string against a %-format. Returns false when the text does not fit.</summary>
    public static bool TryParse(string text, string format, DateZone zone, out DateTime utc)
    {
        utc = default;
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
        int? dayOfYear = null, isoYear = null, isoWeek = null, isoDay = null;
        TimeSpan? offset = null;
        var position = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                if (position >= text.Length || text[position] != format[i]) return false;
                position++;
                continue;
            }
            var spec = format[++i];
            switch (spec)
            {
                case 'Y': if (!Digits(text, ref position, 4, 4, out year)) return false; break;
                case 'm': if (!Digits(text, ref position, 1, 2, out month)) return false; break;
                case 'd': if (!Digits(text, ref position, 1, 2, out day)) return false; break;
                case 'H': if (!Digits(text, ref position, 1, 2, out hour)) return false; break;
                case 'M': if (!Digits(text, ref position, 1, 2, out minute)) return false; break;
                case 'S': if (!Digits(text, ref position, 1, 2, out second)) return false; break;
                case 'L':
                    var start = position;
                    if (!Digits(text, ref position, 1, 3, out millisecond)) return false;
                    for (var n = position - start; n < 3; n++) millisecond *= 10;
                    break;
                case 'j': if (!Digits(text, ref position, 1, 3, out var doy)) return false; dayOfYear = doy; break;
                case 'G': if (!Digits(text, ref position, 4, 4, out var gy)) return false; isoYear = gy; break;
                case 'V': if (!Digits(text, ref position, 1, 2, out var gw)) return false; isoWeek = gw; break;
                case 'u': if (!Digits(text, ref position, 1, 1, out var gd)) return false; isoDay = gd; break;
                case 'z':
                case 'Z':
                    if (!ParseOffset(text, ref position, spec == 'Z', out var parsed)) return false;
                    offset = parsed;
                    break;
                case '%':
                    if (position >= text.Length || text[position] != '%') return false;
                    position++;
                    break;
                default:
                    throw MongoError.Location(18536, $"Invalid format character '%{spec}' in format string");
            }
        }
        if (position != text.Length) return false;
        try
        {
            DateTime local;
            if (isoYear.HasValue) local = ISOWeek.ToDateTime(isoYear.Value, isoWeek ?? 1, (DayOfWeek)((isoDay ?? 1) % 7));
            else if (dayOfYear.HasValue) local = new DateTime(year, 1, 1).AddDays(dayOfYear.Value - 1);
            else local = new DateTime(year, month, day);
            local = local.Add(new TimeSpan(0, hour, minute, second, millisecond));
            utc = offset.HasValue ? DateTime.SpecifyKind(local - offset.Value, DateTimeKind.Utc) : zone.ToUtc(local);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Digits(string text, ref int position, int min, int max, out int value)
    {
        value = 0;
        var count = 0;
        while (count < max && position < text.Length && char.IsAsciiDigit(text[position]))
        {
            value = value * 10 + (text[position] - '0');
            position++;
            count++;
        }
        return count >= min;
    }

    private static bool ParseOffset(string text, ref int position, bool minutesForm, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (position < text.Length && text[position] == 'Z' && !minutesForm)
        {
            position++;
            return true;
        }
        if (position >= text.Length || (text[position] != '+' && text[position] != '-')) return false;
        var negative = text[position++] == '-';
        if (minutesForm)
        {
            if (!Digits(text, ref position, 1, 4, out var minutes)) return false;
            offset = TimeSpan.FromMinutes(minutes);
        }
        else
        {
            if (!Digits(text, ref position, 2, 2, out var hours)) return false;
            if (position < text.Length && text[position] == ':') position++;
            var minutes = 0;
            if (position < text.Length && char.IsAsciiDigit(text[position]) && !Digits(text, ref position, 2, 2, out minutes)) return false;
            offset = new TimeSpan(hours, minutes, 0);
        }
        if (negative) offset = -offset;
        return true;
    }
}
