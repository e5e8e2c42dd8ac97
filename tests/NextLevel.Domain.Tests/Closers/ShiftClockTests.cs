using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Domain.Tests.Closers;

public sealed class ShiftClockTests
{
    private static CloserProfile Profile(string zone, string start, string end, params string[] days) =>
        new() { TimeZone = zone, Shift = new CloserShift { Days = [.. days], Start = start, End = end } };

    [Theory]
    [InlineData("2026-03-02T14:00:00Z", true)]   // Monday 09:00 in Chicago (CST)
    [InlineData("2026-03-02T13:59:00Z", false)]  // 07:59
    [InlineData("2026-03-02T23:00:00Z", false)]  // 17:00, the end is exclusive
    [InlineData("2026-03-03T14:00:00Z", false)]  // Tuesday is not a shift day
    public void A_day_shift_is_read_in_the_closers_own_time_zone(string at, bool expected) =>
        Assert.Equal(expected, ShiftClock.IsOnShift(Profile("America/Chicago", "08:00", "17:00", "mon"), DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData("2026-03-06T04:00:00Z", true)]   // Thursday 20:00 in Los Angeles (the shift starts Thursday)
    [InlineData("2026-03-06T13:00:00Z", true)]   // Friday 05:00, still Thursday's overnight shift
    [InlineData("2026-03-06T14:00:00Z", false)]  // Friday 06:00: over
    [InlineData("2026-03-07T04:00:00Z", false)]  // Friday 20:00: Friday is not a shift day
    public void An_overnight_shift_belongs_to_the_day_it_starts_on(string at, bool expected) =>
        Assert.Equal(expected, ShiftClock.IsOnShift(Profile("America/Los_Angeles", "20:00", "06:00", "thu"), DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void Daylight_saving_time_moves_the_shift_in_utc()
    {
        var profile = Profile("America/New_York", "09:00", "17:00", "mon", "tue", "wed", "thu", "fri");
        Assert.True(ShiftClock.IsOnShift(profile, new DateTime(2026, 3, 6, 14, 0, 0, DateTimeKind.Utc)));   // EST: 09:00
        Assert.False(ShiftClock.IsOnShift(profile, new DateTime(2026, 3, 9, 12, 30, 0, DateTimeKind.Utc))); // EDT: 08:30
        Assert.True(ShiftClock.IsOnShift(profile, new DateTime(2026, 3, 9, 13, 0, 0, DateTimeKind.Utc)));   // EDT: 09:00
    }

    [Fact]
    public void An_unknown_zone_or_malformed_time_is_never_on_shift()
    {
        var now = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        Assert.False(ShiftClock.IsOnShift(Profile("Mars/Olympus", "00:00", "00:00", "mon"), now));
        Assert.False(ShiftClock.IsOnShift(Profile("UTC", "9am", "17:00", "mon"), now));
    }
}
