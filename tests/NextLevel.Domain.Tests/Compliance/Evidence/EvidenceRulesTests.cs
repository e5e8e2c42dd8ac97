using NextLevel.Domain.Compliance.Evidence;

namespace NextLevel.Domain.Tests.Compliance.Evidence;

public sealed class EvidenceRulesTests
{
    private static readonly DateTime March1 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_national_copy_in_use_is_the_latest_imported_at_or_before_the_attempt()
    {
        var copies = new NationalListCopies([new EvidenceListCopy(March1, 10, 0, "ops"), new EvidenceListCopy(March1.AddDays(20), 12, 0, "ops")]);

        Assert.Null(copies.InUseAt(March1.AddSeconds(-1)));
        Assert.Equal(March1, copies.InUseAt(March1)!.ImportedAt);
        Assert.Equal(19.5, copies.AgeDaysAt(March1.AddDays(19.5)));
        Assert.Equal(March1.AddDays(20), copies.InUseAt(March1.AddDays(40))!.ImportedAt);
        Assert.Equal(20, copies.AgeDaysAt(March1.AddDays(40)));
    }

    [Fact]
    public void The_window_names_the_federal_hours_and_each_stricter_state_on_the_callee_s_local_day()
    {
        // Sunday 1 March 2026, 19:00 UTC = 13:00 in Dallas.
        var sunday = new DateTime(2026, 3, 1, 19, 0, 0, DateTimeKind.Utc);

        Assert.Equal("08:00-21:00 callee-local (federal); TX 12:00-21:00 on Sunday", CallingWindowText.For("08:00", "21:00", ["TX"], "America/Chicago", sunday));
        Assert.Equal("08:00-21:00 callee-local (federal); LA no calls on Sunday", CallingWindowText.For("08:00", "21:00", ["LA", "NY"], "America/Chicago", sunday));
        // 02:00 UTC Monday is still Sunday evening in Los Angeles.
        Assert.Equal("08:00-20:00 callee-local (federal); WA 08:00-20:00 on Sunday", CallingWindowText.For("08:00", "20:00", ["WA"], "America/Los_Angeles", new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc)));
    }
}
