using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class DateExpressionTests
{
    private const string Doc = "{ d: ISODate('2025-03-09T07:05:04.123Z') }";

    [Fact]
    public void Date_parts_in_utc()
    {
        Same("2025", Eval("{ $year: '$d' }", Doc));
        Same("3", Eval("{ $month: '$d' }", Doc));
        Same("9", Eval("{ $dayOfMonth: '$d' }", Doc));
        Same("7", Eval("{ $hour: '$d' }", Doc));
        Same("5", Eval("{ $minute: '$d' }", Doc));
        Same("4", Eval("{ $second: '$d' }", Doc));
        Same("123", Eval("{ $millisecond: '$d' }", Doc));
        Same("1", Eval("{ $dayOfWeek: '$d' }", Doc));
        Same("68", Eval("{ $dayOfYear: '$d' }", Doc));
        Same("10", Eval("{ $week: '$d' }", Doc));
        Same("10", Eval("{ $isoWeek: '$d' }", Doc));
        Same("2025", Eval("{ $isoWeekYear: '$d' }", Doc));
        Same("7", Eval("{ $isoDayOfWeek: '$d' }", Doc));
        Same("null", Eval("{ $year: '$missing' }", Doc));
        Assert.Equal(16006, Fails("{ $year: 'x' }").Code);
    }

    [Fact]
    public void Date_parts_with_timezone_name_or_offset()
    {
        Same("3", Eval("{ $hour: { date: '$d', timezone: 'America/New_York' } }", Doc)); // DST began at 07:00Z that day
        Same("12", Eval("{ $hour: { date: '$d', timezone: '+05:30' } }", Doc));
        Same("35", Eval("{ $minute: { date: '$d', timezone: '+0530' } }", Doc));
        Same("2025", Eval("{ $year: ['$d'] }", Doc));
        Assert.Equal(40485, Fails("{ $hour: { date: ISODate('2025-01-01T00:00:00Z'), timezone: 'Mars/Base' } }").Code);
    }

    [Fact]
    public void DateToString_formats_and_timezone()
    {
        Same("'2025-03-09T07:05:04.123Z'", Eval("{ $dateToString: { date: '$d' } }", Doc));
        Same("'09/03/2025 12:35 +0530 +330 068 1 7 10 10 2025 %'",
            Eval("{ $dateToString: { date: '$d', format: '%d/%m/%Y %H:%M %z %Z %j %w %u %U %V %G %%', timezone: '+05:30' } }", Doc));
        Same("'none'", Eval("{ $dateToString: { date: '$missing', onNull: 'none' } }", Doc));
        Assert.Equal(18536, Fails("{ $dateToString: { date: ISODate('2025-01-01T00:00:00Z'), format: '%Q' } }").Code);
    }

    [Fact]
    public void DateFromString_parses_iso_and_formats()
    {
        Same("ISODate('2025-10-01T00:00:00Z')", Eval("{ $dateFromString: { dateString: '2025-10-01' } }"));
        Same("ISODate('2025-10-01T10:00:00Z')", Eval("{ $dateFromString: { dateString: '2025-10-01T12:00:00+02:00' } }"));
        Same("ISODate('2025-10-01T04:00:00Z')", Eval("{ $dateFromString: { dateString: '2025-10-01T00:00:00', timezone: 'America/New_York' } }"));
        Same("ISODate('2025-12-31T00:00:00Z')", Eval("{ $dateFromString: { dateString: '31/12/2025', format: '%d/%m/%Y' } }"));
        Same("'bad'", Eval("{ $dateFromString: { dateString: 'not a date', onError: 'bad' } }"));
        Assert.Equal(241, Fails("{ $dateFromString: { dateString: 'not a date' } }").Code);
    }

    [Fact]
    public void DateTrunc_bins_by_unit()
    {
        Same("ISODate('2025-03-09T00:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'day' } }", Doc));
        Same("ISODate('2025-03-01T00:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'month' } }", Doc));
        Same("ISODate('2025-01-01T00:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'quarter' } }", Doc));
        Same("ISODate('2025-03-09T00:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'week' } }", Doc));
        Same("ISODate('2025-03-03T00:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'week', startOfWeek: 'monday' } }", Doc));
        Same("ISODate('2025-03-09T06:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'hour', binSize: 2 } }", Doc));
        Same("ISODate('2025-03-09T05:00:00Z')", Eval("{ $dateTrunc: { date: '$d', unit: 'day', timezone: 'America/New_York' } }", Doc));
    }

    [Fact]
    public void DateDiff_counts_boundaries()
    {
        Same("NumberLong(1)", Eval("{ $dateDiff: { startDate: ISODate('2024-12-31T23:00:00Z'), endDate: ISODate('2025-01-01T01:00:00Z'), unit: 'year' } }"));
        Same("NumberLong(2)", Eval("{ $dateDiff: { startDate: ISODate('2025-01-31T00:00:00Z'), endDate: ISODate('2025-03-01T00:00:00Z'), unit: 'month' } }"));
        Same("NumberLong(1)", Eval("{ $dateDiff: { startDate: ISODate('2025-01-01T23:59:00Z'), endDate: ISODate('2025-01-02T00:01:00Z'), unit: 'day' } }"));
        Same("NumberLong(-120000)", Eval("{ $dateDiff: { startDate: ISODate('2025-01-01T00:02:00Z'), endDate: ISODate('2025-01-01T00:00:00Z'), unit: 'millisecond' } }"));
    }

    [Fact]
    public void DateAdd_and_DateSubtract()
    {
        Same("ISODate('2025-02-28T00:00:00Z')", Eval("{ $dateAdd: { startDate: ISODate('2025-01-31T00:00:00Z'), unit: 'month', amount: 1 } }"));
        Same("ISODate('2025-01-01T02:00:00Z')", Eval("{ $dateAdd: { startDate: ISODate('2025-01-01T00:00:00Z'), unit: 'hour', amount: 2 } }"));
        Same("ISODate('2024-12-25T00:00:00Z')", Eval("{ $dateSubtract: { startDate: ISODate('2025-01-01T00:00:00Z'), unit: 'week', amount: 1 } }"));
        Same("null", Eval("{ $dateAdd: { startDate: null, unit: 'day', amount: 1 } }"));
    }

    [Fact]
    public void ToDate_and_parts_round_trip()
    {
        Same("ISODate('1970-01-01T00:00:01Z')", Eval("{ $toDate: NumberLong(1000) }"));
        Same("ISODate('2025-10-01T00:00:00Z')", Eval("{ $toDate: '2025-10-01T00:00:00Z' }"));
        Same("{ year: 2025, month: 3, day: 9, hour: 7, minute: 5, second: 4, millisecond: 123 }", Eval("{ $dateToParts: { date: '$d' } }", Doc));
        Same("ISODate('2025-03-09T07:05:04.123Z')", Eval("{ $dateFromParts: { year: 2025, month: 3, day: 9, hour: 7, minute: 5, second: 4, millisecond: 123 } }"));
    }
}

public class DateEdgeTests
{
    [Fact]
    public void DateFromParts_carries_overflowing_parts_and_rejects_out_of_range_dates()
    {
        ExprTestKit.Same("ISODate('2026-02-01T00:00:00Z')", ExprTestKit.Eval("{ $dateFromParts: { year: 2025, month: 14, day: 1 } }"));
        Assert.Equal(40523, ExprTestKit.Fails("{ $dateFromParts: { year: 9999, month: 100000 } }").Code);
        ExprTestKit.Same("null", ExprTestKit.Eval("{ $dateFromParts: { year: 2025, month: null } }"));
    }

    [Fact]
    public void Decimal_divide_and_mod()
    {
        ExprTestKit.Same("NumberDecimal('1')", ExprTestKit.Eval("{ $mod: [NumberDecimal('7'), 3] }"));
        Assert.Equal(16610, ExprTestKit.Fails("{ $mod: [NumberDecimal('7'), NumberDecimal('0')] }").Code);
        Assert.Equal(2, ExprTestKit.Fails("{ $divide: [NumberDecimal('7'), NumberDecimal('0')] }").Code);
    }
}
