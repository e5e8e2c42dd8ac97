using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$year, $month, ..., $isoWeekYear, $dateToParts and $dateFromParts, with an optional timezone.</summary>
internal static class DatePartOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        Part(table, "$year", d => d.Year);
        Part(table, "$month", d => d.Month);
        Part(table, "$dayOfMonth", d => d.Day);
        Part(table, "$hour", d => d.Hour);
        Part(table, "$minute", d => d.Minute);
        Part(table, "$second", d => d.Second);
        Part(table, "$millisecond", d => d.Millisecond);
        Part(table, "$dayOfWeek", d => (int)d.DayOfWeek + 1);
        Part(table, "$dayOfYear", d => d.DayOfYear);
        Part(table, "$week", SundayWeek);
        Part(table, "$isoWeek", ISOWeek.GetWeekOfYear);
        Part(table, "$isoWeekYear", ISOWeek.GetYear);
        Part(table, "$isoDayOfWeek", IsoDayOfWeek);
        table["$dateToParts"] = ParseDateToParts;
        table["$dateFromParts"] = ParseDateFromParts;
    }

    /// <summary>Week of the year as strftime %U: weeks start on Sunday; days before the first Sunday are week 0.</summary>
    internal static int SundayWeek(DateTime d) => (d.DayOfYear - 1 + 7 - (int)d.DayOfWeek) / 7;

    internal static int IsoDayOfWeek(DateTime d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static void Part(Dictionary<string, OperatorParser> table, string name, Func<DateTime, int> part)
    {
        table[name] = (_, argument) =>
        {
            var (date, timezone) = ParseDateAndZone(name, argument);
            return new LambdaExpr(name, context =>
            {
                var value = date.Evaluate(context);
                var zoneValue = timezone?.Evaluate(context);
                if (ExprValues.IsNullish(value) || (timezone is not null && ExprValues.IsNullish(zoneValue))) return BsonNull.Value;
                var zone = DateZone.Of(zoneValue);
                return part(zone.ToLocal(DateArgs.RequireDate(name, value)));
            });
        };
    }

    /// <summary>The three accepted forms: an expression, a one-element array, or { date, timezone }.</summary>
    private static (Expr Date, Expr? Timezone) ParseDateAndZone(string name, BsonValue argument)
    {
        if (argument is BsonDocument document && (document.ElementCount == 0 || !document.GetElement(0).Name.StartsWith('$')))
        {
            Expr? date = null, timezone = null;
            foreach (var element in document)
            {
                if (element.Name == "date") date = ExprParser.Parse(element.Value);
                else if (element.Name == "timezone") timezone = ExprParser.Parse(element.Value);
                else throw MongoError.Location(40535, $"unrecognized option to {name}: \"{element.Name}\"");
            }
            return (date ?? throw MongoError.Location(40539, $"missing 'date' argument to {name}, provided: {document.ToJson()}"), timezone);
        }
        return (Args.Positional(name, argument, 1, 1)[0], null);
    }

    private static Expr ParseDateToParts(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["date"], ["timezone", "iso8601"], 40520);
        return new NamedFunctionExpr(name, args, get =>
        {
            var value = get("date");
            var zoneValue = get("timezone");
            if (ExprValues.IsNullish(value) || (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue))) return BsonNull.Value;
            var local = DateZone.Of(zoneValue).ToLocal(DateArgs.RequireDate(name, value));
            var iso = get("iso8601");
            if (iso is not null && iso is not BsonBoolean)
                throw MongoError.Location(40521, $"iso8601 must evaluate to a bool, found {ExprValues.TypeName(iso)}");
            var parts = iso is BsonBoolean { Value: true }
                ? new BsonDocument { { "isoWeekYear", ISOWeek.GetYear(local) }, { "isoWeek", ISOWeek.GetWeekOfYear(local) }, { "isoDayOfWeek", IsoDayOfWeek(local) } }
                : new BsonDocument { { "year", local.Year }, { "month", local.Month }, { "day", local.Day } };
            parts.Add("hour", local.Hour).Add("minute", local.Minute).Add("second", local.Second).Add("millisecond", local.Millisecond);
            return parts;
        });
    }

    private static Expr ParseDateFromParts(string name, BsonValue argument)
    {
        string[] calendar = ["year", "month", "day"];
        string[] iso = ["isoWeekYear", "isoWeek", "isoDayOfWeek"];
        string[] time = ["hour", "minute", "second", "millisecond"];
        var args = Args.Named(name, argument, [], [.. calendar, .. iso, .. time, "timezone"], 40518);
        var isIso = args.ContainsKey("isoWeekYear");
        if (isIso && calendar.Any(args.ContainsKey))
            throw MongoError.Location(40489, "$dateFromParts does not allow mixing natural dates with ISO dates");
        if (!isIso && !args.ContainsKey("year"))
            throw MongoError.Location(40516, "$dateFromParts requires either 'year' or 'isoWeekYear' to be present");
        return new NamedFunctionExpr(name, args, get =>
        {
            // Every given part is evaluated first: any null part makes the whole result null.
            var parts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var part in args.Keys.Where(k => k != "timezone"))
            {
                var value = get(part);
                if (ExprValues.IsNullish(value)) return BsonNull.Value;
                if (!Numeric.TryGetLong(value, out var number))
                    throw MongoError.Location(40515, $"'{part}' must evaluate to an integer, found {ExprValues.TypeName(value)} with value {ExprValues.Describe(value)}");
                parts[part] = number;
            }
            var zoneValue = get("timezone");
            if (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue)) return BsonNull.Value;
            try
            {
                return DateArgs.ToBson(DateZone.Of(zoneValue).ToUtc(Compose(parts, isIso)));
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw MongoError.Location(40523, "$dateFromParts: the date parts describe a date outside the supported range");
            }
        });
    }

    /// <summary>The wall-clock time the parts describe; parts overflow into larger units as in MongoDB.</summary>
    private static DateTime Compose(Dictionary<string, long> parts, bool isIso)
    {
        long Part(string part, long fallback) => parts.TryGetValue(part, out var number) ? number : fallback;
        DateTime local;
        if (isIso)
        {
            var isoYear = Part("isoWeekYear", 1);
            if (isoYear is < 1 or > 9999) throw MongoError.Location(31095, $"'isoWeekYear' must evaluate to an integer in the range 1 to 9999, found {isoYear}");
            var start = ISOWeek.ToDateTime((int)isoYear, 1, DayOfWeek.Monday);
            local = start.AddDays((Part("isoWeek", 1) - 1) * 7 + Part("isoDayOfWeek", 1) - 1);
        }
        else
        {
            var year = Part("year", 1970);
            if (year is < 1 or > 9999) throw MongoError.Location(40523, $"'year' must evaluate to an integer in the range 1 to 9999, found {year}");
            local = new DateTime((int)year, 1, 1).AddMonths(checked((int)(Part("month", 1) - 1))).AddDays(Part("day", 1) - 1);
        }
        local = local.AddHours(Part("hour", 0)).AddMinutes(Part("minute", 0)).AddSeconds(Part("second", 0)).AddMilliseconds(Part("millisecond", 0));
        return local;
    }
}
