using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Tests.Leads;

public sealed class KeysetPagerTests
{
    [Fact]
    public void A_page_not_reached_yet_starts_from_the_furthest_known_cursor()
    {
        var pager = new KeysetPager();
        pager.Record(0, "c1");
        pager.Record(1, "c2");

        Assert.Equal((2, "c2"), pager.StartFor(5));
        Assert.Equal((1, "c1"), pager.StartFor(1));
        Assert.Equal((0, null), pager.StartFor(0));
    }

    [Fact]
    public void Reset_forgets_every_cursor()
    {
        var pager = new KeysetPager();
        pager.Record(0, "c1");

        pager.Reset();

        Assert.Equal((0, null), pager.StartFor(3));
        Assert.False(pager.HasPage(1));
    }
}
