using System.Collections.Concurrent;
using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>
/// A time zone argument of the date operators: an Olson name ("Europe/Paris") or a fixed offset ("+05:30", "-0800", "+03").
/// [Immutable - ThreadSafe]
/// </summary>
internal sealed class DateZone
{
    public static readonly DateZone Utc = new(null, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<string, DateZone> Cache = new(StringComparer.Ordinal);

    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan _offset;

    private DateZone(TimeZoneInfo? zone, TimeSpan offset)
    {
        _zone = zone;
        _offset = offset;
    }

    /// <summary>The zone named by an evaluated timezone argument; missing or null means UTC.</summary>
    public static DateZone Of(BsonValue? value)
    {
        if (value is null) return Utc;
        if (value is not BsonString s)
            throw MongoError.Location(40517, $"timezone must evaluate to a string, found {ExprValues.TypeName(value)}");
        return Cache.GetOrAdd(s.Value, Parse);
    }

    private static DateZone Parse(string name)
    {
        if (name is "UTC" or "GMT" or "Z" or "Etc/UTC" or "Etc/GMT") return Utc;
        if (name.Length > 0 && (name[0] == '+' || name[0] == '-'))
        {
            if (TryParseOffset(name, out var offset)) return new DateZone(null, offset);
        }
        else
        {
            try
            {
                return new DateZone(TimeZoneInfo.FindSystemTimeZoneById(name), TimeSpan.Zero);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }
        throw MongoError.Location(40485, $"unrecognized time zone identifier: \"{name}\"");
    }

    /// <summary>"+HH", "+HHMM" or "+HH:MM".</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length < 3 || (text[0] != '+' && text[0] != '-')) return false;
        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (2 or 4) || !digits.All(char.IsAsciiDigit)) return false;
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-') offset = -offset;
        return true;
    }

    public TimeSpan OffsetAt(DateTime utc) => _zone is null ? _offset : _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>The wall-clock time in this zone (Kind unspecified).</summary>
    public DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + OffsetAt(utc), DateTimeKind.Unspecified);

    /// <summary>The instant of a wall-clock time in this zone; times skipped by a DST change move forward.</summary>
    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone is null) return DateTime.SpecifyKind(local - _offset, DateTimeKind.Utc);
        while (_zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }
}
