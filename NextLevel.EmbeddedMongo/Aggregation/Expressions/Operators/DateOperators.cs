using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$dateToString, $dateFromString, $dateTrunc, $dateDiff, $dateAdd and $dateSubtract.</summary>
internal static class DateOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$dateToString"] = ParseDateToString;
        table["$dateFromString"] = ParseDateFromString;
        table["$dateTrunc"] = ParseDateTrunc;
        table["$dateDiff"] = ParseDateDiff;
        table["$dateAdd"] = (name, argument) => ParseDateAdd(name, argument, sign: 1);
        table["$dateSubtract"] = (name, argument) => ParseDateAdd(name, argument, sign: -1);
    }

    private static Expr ParseDateToString(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["date"], ["format", "timezone", "onNull"], 18534);
        if (args.TryGetValue("format", out var constantFormat) && constantFormat is LiteralExpr { Value: BsonString literal })
            DateFormat.Validate(literal.Value);
        return new NamedFunctionExpr(name, args, get =>
        {
            var date = get("date");
            if (ExprValues.IsNullish(date)) return args.ContainsKey("onNull") ? get("onNull") : BsonNull.Value;
            var format = DateFormat.Default;
            if (args.ContainsKey("format"))
            {
                var formatValue = get("format");
                if (ExprValues.IsNullish(formatValue)) return BsonNull.Value;
                format = formatValue is BsonString s ? s.Value
                    : throw MongoError.Location(18533, $"$dateToString requires that 'format' be a string, found: {ExprValues.TypeName(formatValue)} with value {ExprValues.Describe(formatValue)}");
            }
            var zoneValue = get("timezone");
            if (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue)) return BsonNull.Value;
            return DateFormat.Format(DateArgs.RequireDate(name, date), DateZone.Of(zoneValue), format);
        });
    }

    private static Expr ParseDateFromString(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["dateString"], ["format", "timezone", "onError", "onNull"], 40541);
        return new NamedFunctionExpr(name, args, get =>
        {
            var input = get("dateString");
            if (ExprValues.IsNullish(input)) return args.ContainsKey("onNull") ? get("onNull") : BsonNull.Value;
            try
            {
                var zoneValue = get("timezone");
                if (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue)) return BsonNull.Value;
                var zone = DateZone.Of(zoneValue);
                if (input is not BsonString text)
                    throw new MongoError(241, "ConversionFailure", $"$dateFromString requires that 'dateString' be a string, found: {ExprValues.TypeName(input)} with value {ExprValues.Describe(input)}");
                var formatValue = get("format");
                if (args.ContainsKey("format") && ExprValues.IsNullish(formatValue)) return BsonNull.Value;
                if (formatValue is not null and not BsonString)
                    throw MongoError.Location(40684, $"$dateFromString requires that 'format' be a string, found: {ExprValues.TypeName(formatValue)} with value {ExprValues.Describe(formatValue)}");
                DateTime utc;
                var parsed = formatValue is BsonString format
                    ? DateFormat.TryParse(text.Value, format.Value, zone, out utc)
                    : TryParseFreeForm(text.Value, zone, out utc);
                if (!parsed)
                    throw new MongoError(241, "ConversionFailure", $"Error parsing date string '{text.Value}'");
                return DateArgs.ToBson(utc);
            }
            catch (MongoError error) when (error.Code == 241 && args.ContainsKey("onError"))
            {
                return get("onError");
            }
        });
    }

    /// <summary>ISO 8601 and the other common forms; a string without an offset is read in the given zone.</summary>
    internal static bool TryParseFreeForm(string text, DateZone zone, out DateTime utc)
    {
        utc = default;
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, styles | DateTimeStyles.RoundtripKind, out var parsed)) return false;
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            utc = zone.ToUtc(parsed);
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var withOffset)) return false;
        utc = withOffset.UtcDateTime;
        return true;
    }

    private static Expr ParseDateTrunc(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["date", "unit"], ["binSize", "timezone", "startOfWeek"], 5439007);
        return new NamedFunctionExpr(name, args, get =>
        {
            var date = get("date");
            var unitValue = get("unit");
            var binValue = get("binSize");
            var zoneValue = get("timezone");
            var weekValue = get("startOfWeek");
            if (ExprValues.IsNullish(date) || ExprValues.IsNullish(unitValue)
                || (args.ContainsKey("binSize") && ExprValues.IsNullish(binValue))
                || (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue))) return BsonNull.Value;
            var unit = DateArgs.RequireUnit(name, unitValue);
            var binSize = binValue is null ? 1 : DateArgs.RequireLong(name, "binSize", binValue);
            if (binSize <= 0) throw MongoError.Location(5439018, $"{name} requires 'binSize' to be greater than 0, but got value {binSize}");
            var startOfWeek = unit == DateUnit.Week && !ExprValues.IsNullish(weekValue) ? DateArgs.StartOfWeek(name, weekValue) : DayOfWeek.Sunday;
            var zone = DateZone.Of(zoneValue);
            return DateArgs.ToBson(zone.ToUtc(Truncate(zone.ToLocal(DateArgs.RequireDate(name, date)), unit, binSize, startOfWeek)));
        });
    }

    /// <summary>Bins count from the reference 2000-01-01 (for weeks, the first start-of-week day on or after it).</summary>
    private static DateTime Truncate(DateTime local, DateUnit unit, long binSize, DayOfWeek startOfWeek)
    {
        var reference = new DateTime(2000, 1, 1);
        switch (unit)
        {
            case DateUnit.Year:
            case DateUnit.Quarter:
            case DateUnit.Month:
                var monthsPerBin = binSize * (unit == DateUnit.Year ? 12 : unit == DateUnit.Quarter ? 3 : 1);
                var months = (local.Year - 2000) * 12L + local.Month - 1;
                var binStart = DateArgs.FloorDiv(months, monthsPerBin) * monthsPerBin;
                return reference.AddMonths((int)binStart);
            case DateUnit.Week:
                var weekReference = reference.AddDays(((int)startOfWeek - (int)reference.DayOfWeek + 7) % 7);
                var weekBin = 7 * binSize;
                var days = (long)(local.Date - weekReference).TotalDays;
                return weekReference.AddDays(DateArgs.FloorDiv(days, weekBin) * weekBin);
            default:
                var unitMillis = DateArgs.UnitMillis(unit) * binSize;
                var millis = (local.Ticks - reference.Ticks) / TimeSpan.TicksPerMillisecond;
                if (local.Ticks < reference.Ticks && (local.Ticks - reference.Ticks) % TimeSpan.TicksPerMillisecond != 0) millis--;
                return reference.AddTicks(DateArgs.FloorDiv(millis, unitMillis) * unitMillis * TimeSpan.TicksPerMillisecond);
        }
    }

    private static Expr ParseDateDiff(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["startDate", "endDate", "unit"], ["timezone", "startOfWeek"], 5166301);
        return new NamedFunctionExpr(name, args, get =>
        {
            var start = get("startDate");
            var end = get("endDate");
            var unitValue = get("unit");
            var zoneValue = get("timezone");
            if (ExprValues.IsNullish(start) || ExprValues.IsNullish(end) || ExprValues.IsNullish(unitValue)
                || (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue))) return BsonNull.Value;
            var unit = DateArgs.RequireUnit(name, unitValue);
            var zone = DateZone.Of(zoneValue);
            var weekValue = get("startOfWeek");
            var startOfWeek = unit == DateUnit.Week && !ExprValues.IsNullish(weekValue) ? DateArgs.StartOfWeek(name, weekValue) : DayOfWeek.Sunday;
            var from = zone.ToLocal(DateArgs.RequireDate(name, start));
            var to = zone.ToLocal(DateArgs.RequireDate(name, end));
            return new BsonInt64(Difference(from, to, unit, startOfWeek));
        });
    }

    /// <summary>The number of unit boundaries crossed between two local times (not whole elapsed units).</summary>
    private static long Difference(DateTime from, DateTime to, DateUnit unit, DayOfWeek startOfWeek)
    {
        switch (unit)
        {
            case DateUnit.Year: return to.Year - from.Year;
            case DateUnit.Quarter: return (to.Year * 4L + (to.Month - 1) / 3) - (from.Year * 4L + (from.Month - 1) / 3);
            case DateUnit.Month: return (to.Year * 12L + to.Month) - (from.Year * 12L + from.Month);
            case DateUnit.Week:
                DateTime WeekStart(DateTime d) => d.Date.AddDays(-(((int)d.DayOfWeek - (int)startOfWeek + 7) % 7));
                return (long)(WeekStart(to) - WeekStart(from)).TotalDays / 7;
            case DateUnit.Day: return (long)(to.Date - from.Date).TotalDays;
            default:
                var unitTicks = DateArgs.UnitMillis(unit) * TimeSpan.TicksPerMillisecond;
                return DateArgs.FloorDiv(to.Ticks, unitTicks) - DateArgs.FloorDiv(from.Ticks, unitTicks);
        }
    }

    private static Expr ParseDateAdd(string name, BsonValue argument, int sign)
    {
        var args = Args.Named(name, argument, ["startDate", "unit", "amount"], ["timezone"], 5166400);
        return new NamedFunctionExpr(name, args, get =>
        {
            var start = get("startDate");
            var unitValue = get("unit");
            var amountValue = get("amount");
            var zoneValue = get("timezone");
            if (ExprValues.IsNullish(start) || ExprValues.IsNullish(unitValue) || ExprValues.IsNullish(amountValue)
                || (args.ContainsKey("timezone") && ExprValues.IsNullish(zoneValue))) return BsonNull.Value;
            var unit = DateArgs.RequireUnit(name, unitValue);
            var amount = sign * DateArgs.RequireLong(name, "amount", amountValue);
            var zone = DateZone.Of(zoneValue);
            var utc = DateArgs.RequireDate(name, start);
            try
            {
                switch (unit)
                {
                    case DateUnit.Year:
                    case DateUnit.Quarter:
                    case DateUnit.Month:
                        var months = checked(amount * (unit == DateUnit.Year ? 12 : unit == DateUnit.Quarter ? 3 : 1));
                        return DateArgs.ToBson(zone.ToUtc(zone.ToLocal(utc).AddMonths(checked((int)months))));
                    case DateUnit.Week:
                    case DateUnit.Day:
                        var days = unit == DateUnit.Week ? checked(amount * 7) : amount;
                        return DateArgs.ToBson(zone.ToUtc(zone.ToLocal(utc).AddDays(days)));
                    default:
                        var millis = checked(ExprValues.MillisOf(utc) + checked(amount * DateArgs.UnitMillis(unit)));
                        return new BsonDateTime(millis);
                }
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                throw MongoError.Location(5166406, $"{name} overflowed");
            }
        });
    }
}
