using NextLevel.Domain.Campaigns;

namespace NextLevel.Domain.Tests.Intake;

public class FollowUpScheduleTests
{
    private static CallingHours Weekdays(string timezone, string start = "09:00", string end = "18:00")
    {
        var hours = new CallingHours { Timezone = timezone };
        hours.Monday = hours.Tuesday = hours.Wednesday = hours.Thursday = hours.Friday = new DailyWindow { Start = start, End = end };
        return hours;
    }

    private static DateTime Due(DateTime receivedUtc, string timing, CallingHours hours) =>
        FollowUpSchedule.FirstFollowUp(receivedUtc, new InitialContact { Timing = timing }, hours);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("within_5_minutes")]
    [InlineData("within_15_minutes")]
    [InlineData("within_1_hour")]
    public void Within_timings_are_due_at_once_even_at_night(string timing)
    {
        var received = Utc(2026, 3, 3, 7); // 23:00 Monday in Seattle
        Assert.Equal(received, Due(received, timing, Weekdays("America/Los_Angeles")));
    }

    [Fact]
    public void Same_day_inside_the_window_is_now()
    {
        var received = Utc(2026, 3, 2, 17); // 09:00 PST Monday
        Assert.Equal(received, Due(received, "same_day", Weekdays("America/Los_Angeles")));
    }

    [Fact]
    public void Same_day_before_the_window_waits_for_its_start()
    {
        var received = Utc(2026, 3, 2, 13); // 05:00 PST Monday
        Assert.Equal(Utc(2026, 3, 2, 17), Due(received, "same_day", Weekdays("America/Los_Angeles")));
    }

    [Fact]
    public void Same_day_after_the_window_moves_to_the_next_window()
    {
        var received = Utc(2026, 3, 7, 3); // 19:00 PST Friday 6 March → Monday 9 March 09:00 PDT (DST began 8 March)
        Assert.Equal(Utc(2026, 3, 9, 16), Due(received, "same_day", Weekdays("America/Los_Angeles")));
    }

    [Fact]
    public void Next_business_day_uses_the_local_date_and_skips_the_weekend()
    {
        // Friday 23:30 in New York is already Saturday in UTC; the next business day is Monday 09:00 EST.
        var received = Utc(2026, 2, 28, 4, 30);
        Assert.Equal(Utc(2026, 3, 2, 14), Due(received, "next_business_day", Weekdays("America/New_York")));
    }

    [Fact]
    public void Next_business_day_follows_the_campaign_time_zone()
    {
        var received = Utc(2026, 3, 2, 17); // Monday → Tuesday 14:00 HST
        Assert.Equal(Utc(2026, 3, 4, 0), Due(received, "next_business_day", Weekdays("Pacific/Honolulu", start: "14:00", end: "17:00")));
    }

    [Fact]
    public void Next_business_day_without_a_weekday_window_is_nine_local()
    {
        var hours = new CallingHours { Timezone = "America/Chicago", Saturday = new DailyWindow() };
        Assert.Equal(Utc(2026, 3, 3, 15), Due(Utc(2026, 3, 2, 17), "next_business_day", hours));
    }
}
