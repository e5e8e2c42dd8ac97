using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Tests.StaffRules;

public class LeadLifecycleTests
{
    [Fact]
    public void Every_status_but_converted_and_dnc_can_move_on()
    {
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            var moves = Enum.GetValues<LeadStatus>().Count(to => to != status && LeadLifecycle.CanChangeStatus(status, to));
            Assert.Equal(status is LeadStatus.Converted or LeadStatus.Dnc, moves == 0);
        }
    }

    [Fact]
    public void No_staff_change_reaches_or_leaves_dnc()
    {
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            Assert.True(LeadLifecycle.Check(status, LeadStage.Contacted, LeadStatus.Dnc, null).ContainsKey("status") || status == LeadStatus.Dnc);
            Assert.True(status == LeadStatus.Dnc || !LeadLifecycle.Check(LeadStatus.Dnc, LeadStage.Contacted, status, null).ContainsKey("stage"));
        }
        Assert.True(LeadLifecycle.Check(LeadStatus.Dnc, LeadStage.Contacted, LeadStatus.Contacted, null).ContainsKey("status"));
    }

    [Fact]
    public void Stages_move_forward_only_except_to_lost_and_reopening()
    {
        Assert.True(LeadLifecycle.CanChangeStage(LeadStage.New, LeadStage.OfferMade));
        Assert.False(LeadLifecycle.CanChangeStage(LeadStage.OfferMade, LeadStage.Qualified));
        Assert.True(LeadLifecycle.CanChangeStage(LeadStage.Negotiation, LeadStage.Lost));
        Assert.True(LeadLifecycle.CanChangeStage(LeadStage.Lost, LeadStage.Contacted));
        Assert.False(LeadLifecycle.CanChangeStage(LeadStage.Lost, LeadStage.Closed));
        Assert.False(LeadLifecycle.CanChangeStage(LeadStage.Closed, LeadStage.Lost));
    }

    [Fact]
    public void Converted_and_closed_go_together()
    {
        Assert.Empty(LeadLifecycle.Check(LeadStatus.Qualified, LeadStage.Negotiation, LeadStatus.Converted, LeadStage.Closed));
        Assert.True(LeadLifecycle.Check(LeadStatus.Qualified, LeadStage.Negotiation, LeadStatus.Converted, null).ContainsKey("status"));
        Assert.True(LeadLifecycle.Check(LeadStatus.Qualified, LeadStage.Negotiation, null, LeadStage.Closed).ContainsKey("stage"));
        Assert.True(LeadLifecycle.Check(LeadStatus.Contacted, LeadStage.Contacted, null, LeadStage.Lost).ContainsKey("stage"));
        Assert.Empty(LeadLifecycle.Check(LeadStatus.Contacted, LeadStage.Contacted, LeadStatus.Lost, LeadStage.Lost));
    }
}
