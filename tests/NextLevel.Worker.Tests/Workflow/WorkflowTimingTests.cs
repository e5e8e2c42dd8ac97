using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Workflow;

/// <summary>The campaign workflow's timing in the campaign's time zone, across daylight-saving changes.</summary>
public sealed class WorkflowTimingTests
{
    private static readonly CallingHours Pacific = TestData.SeedHours("America/Los_Angeles");
    private static readonly CallingHours Eastern = TestData.SeedHours("America/New_York");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Opening_hours_follow_the_spring_forward_change()
    {
        // Friday 6 March 18:30 PST (closed) → Saturday 10:00 PST = 18:00 UTC.
        Assert.Equal(Utc(3, 7, 18), CallingSchedule.NextOpen(Pacific, Utc(3, 7, 2, 30)));
        // Saturday 14:00 PST closes; Sunday has no window; Monday 9 March 09:00 is now PDT = 16:00 UTC, not 17:00.
        Assert.Equal(Utc(3, 9, 16), CallingSchedule.NextOpen(Pacific, Utc(3, 7, 22, 1)));
        // New York switched the same night: Monday 09:00 EDT = 13:00 UTC.
        Assert.Equal(Utc(3, 9, 13), CallingSchedule.NextOpen(Eastern, Utc(3, 7, 19, 1)));
    }

    [Fact]
    public void Opening_hours_follow_the_fall_back_change()
    {
        // Sunday 1 November 2026 clocks go back; Monday 2 November 09:00 PST = 17:00 UTC (it was 16:00 UTC the Monday before).
        Assert.Equal(Utc(10, 26, 16), CallingSchedule.NextOpen(Pacific, Utc(10, 26, 8)));
        Assert.Equal(Utc(11, 2, 17), CallingSchedule.NextOpen(Pacific, Utc(11, 2, 8)));
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_moves_to_the_first_real_minute()
    {
        var zone = CallingSchedule.Zone("America/Los_Angeles");
        // 02:30 on 8 March 2026 does not exist in Los Angeles; 03:00 PDT = 10:00 UTC.
        Assert.Equal(Utc(3, 8, 10), CallingSchedule.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), zone).ToUniversalTime());
    }

    [Fact]
    public void Retries_wait_the_retry_delay_and_move_into_the_next_window()
    {
        var workflow = TestData.SeedCampaign().Workflow;
        var first = WorkflowPlan.First(workflow);
        // Attempt 1 at Friday 16:30 PST: retry at 17:30 PST, inside the hours.
        var second = WorkflowPlan.After(workflow, Pacific, first, Utc(3, 7, 0, 30), Utc(3, 7, 0, 30), contactMade: false, qualified: false);
        Assert.Equal(("initial:2", Utc(3, 7, 1, 30)), (second.Step!.Key, second.DueAt!.Value));
        // Attempt 2 at 17:30 PST: 18:30 is closed, so Saturday 10:00 PST.
        var third = WorkflowPlan.After(workflow, Pacific, second.Step, Utc(3, 7, 0, 30), Utc(3, 7, 1, 30), contactMade: false, qualified: false);
        Assert.Equal(("initial:3", Utc(3, 7, 18)), (third.Step!.Key, third.DueAt!.Value));
        // After the last attempt, the follow-ups: e-mail 24 h after the first attempt, whatever the hour.
        var email = WorkflowPlan.After(workflow, Pacific, third.Step, Utc(3, 7, 0, 30), Utc(3, 7, 18), contactMade: false, qualified: false);
        Assert.Equal(("followup:0", ContactMethod.Email, Utc(3, 8, 0, 30)), (email.Step!.Key, email.Step.Method, email.DueAt!.Value));
        // The SMS 3 days after the first attempt falls on Monday 9 March 17:30 PDT (the clocks changed): inside hours.
        var sms = WorkflowPlan.After(workflow, Pacific, email.Step, Utc(3, 7, 0, 30), Utc(3, 8, 0, 30), contactMade: false, qualified: false);
        Assert.Equal(("followup:1", Utc(3, 10, 0, 30)), (sms.Step!.Key, sms.DueAt!.Value));
    }

    [Fact]
    public void Nurture_sends_weekly_touches_for_ninety_days_rotating_the_content_then_ends()
    {
        var workflow = TestData.SeedCampaign().Workflow;
        var start = Utc(3, 2, 17);
        var step = new WorkflowStep(WorkflowPhase.FollowUp, 2, ContactMethod.AutomatedCall, "follow_up_call_week_1");
        var touches = new List<WorkflowNext>();
        var now = start.AddDays(7);
        while (true)
        {
            var next = WorkflowPlan.After(workflow, Pacific, step, start, now, contactMade: false, qualified: false);
            if (next.Step is null) { Assert.Equal(WorkflowPlan.EndCompleted, next.EndReason); break; }
            touches.Add(next);
            step = next.Step;
            now = next.DueAt!.Value;
        }
        Assert.Equal(12, touches.Count);
        Assert.Equal(start.AddDays(14), touches[0].DueAt);
        Assert.Equal(start.AddDays(7 + 84), touches[^1].DueAt);
        Assert.Equal(["nurture_market_updates", "nurture_success_stories", "nurture_tips", "nurture_market_updates"], touches.Take(4).Select(t => t.Step!.Template));
    }

    [Fact]
    public void A_qualified_lead_is_handed_to_a_person_instead_of_nurture()
    {
        var workflow = TestData.SeedCampaign().Workflow;
        var last = new WorkflowStep(WorkflowPhase.FollowUp, 2, ContactMethod.AutomatedCall, null);
        var next = WorkflowPlan.After(workflow, Pacific, last, Utc(3, 2, 17), Utc(3, 9, 17), contactMade: true, qualified: true);
        Assert.Null(next.Step);
        Assert.Equal(WorkflowPlan.EndQualified, next.EndReason);
    }
}
