using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Conversions of evaluated date-operator arguments, with MongoDB's errors.</summary>
internal static class DateArgs
{
    /// <summary>The instant of a date argument (date, ObjectId or Timestamp).</summary>
    public static DateTime RequireDate(string name, BsonValue? value)
    {
        if (ExprValues.TryGetDate(value, out var date)) return date;
        throw MongoError.Location(16006, $"can't convert from BSON type {ExprValues.TypeName(value)} to Date");
    }

    public static string RequireString(string name, string argument, BsonValue? value, int code)
    {
        if (value is BsonString s) return s.Value;
        throw MongoError.Location(code, $"{name} requires '{argument}' to be a string, but got {ExprValues.TypeName(value)}");
    }

    public static DateUnit RequireUnit(string name, BsonValue? value)
    {
        if (value is not BsonString s)
            throw MongoError.Location(5439013, $"{name} requires 'unit' to be a string, but got {ExprValues.TypeName(value)}");
        return s.Value switch
        {
            "year" => DateUnit.Year,
            "quarter" => DateUnit.Quarter,
            "month" => DateUnit.Month,
            "week" => DateUnit.Week,
            "day" => DateUnit.Day,
            "hour" => DateUnit.Hour,
            "minute" => DateUnit.Minute,
            "second" => DateUnit.Second,
            "millisecond" => DateUnit.Millisecond,
            _ => throw MongoError.Location(5439014, $"{name} parameter 'unit' value parsing failed :: caused by :: unknown time unit value: {s.Value}"),
        };
    }

    public static DayOfWeek StartOfWeek(string name, BsonValue? value)
    {
        if (value is null) return DayOfWeek.Sunday;
        if (value is not BsonString s)
            throw MongoError.Location(5439015, $"{name} requires 'startOfWeek' to be a string, but got {ExprValues.TypeName(value)}");
        return s.Value.ToLowerInvariant() switch
        {
            "sunday" or "sun" => DayOfWeek.Sunday,
            "monday" or "mon" => DayOfWeek.Monday,
            "tuesday" or "tue" => DayOfWeek.Tuesday,
            "wednesday" or "wed" => DayOfWeek.Wednesday,
            "thursday" or "thu" => DayOfWeek.Thursday,
            "friday" or "fri" => DayOfWeek.Friday,
            "saturday" or "sat" => DayOfWeek.Saturday,
            _ => throw MongoError.Location(5439016, $"{name} parameter 'startOfWeek' value cannot be recognized as a day of a week: {s.Value}"),
        };
    }

    public static long RequireLong(string name, string argument, BsonValue? value)
    {
        if (Numeric.TryGetLong(value, out var result)) return result;
        throw MongoError.Location(5166403, $"{name} requires '{argument}' to be an integer, but got {ExprValues.Describe(value)} of type {ExprValues.TypeName(value)}");
    }

    public static long UnitMillis(DateUnit unit) => unit switch
    {
        DateUnit.Millisecond => 1,
        DateUnit.Second => 1000,
        DateUnit.Minute => 60_000,
        DateUnit.Hour => 3_600_000,
        DateUnit.Day => 86_400_000,
        DateUnit.Week => 7 * 86_400_000L,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static long FloorDiv(long a, long b) => a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    public static BsonDateTime ToBson(DateTime utc) => new(ExprValues.MillisOf(utc));
}

internal enum DateUnit { Year, Quarter, Month, Week, Day, Hour, Minute, Second, Millisecond }
