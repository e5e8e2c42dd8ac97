using NextLevel.AppHost.Hosting.Orchestration;

namespace NextLevel.AppHost.Tests.Hosting;

public class RestartPolicyTests
{
    private static readonly TimeSpan ShortRun = TimeSpan.FromSeconds(2);

    [Fact]
    public void Delays_double_from_one_second_up_to_thirty()
    {
        var policy = new RestartPolicy();

        var delays = Enumerable.Range(0, 7).Select(_ => policy.NextDelay(ShortRun).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void A_process_that_ran_long_enough_starts_the_backoff_again()
    {
        var policy = new RestartPolicy();
        policy.NextDelay(ShortRun);
        policy.NextDelay(ShortRun);

        Assert.Equal(RestartPolicy.InitialDelay, policy.NextDelay(RestartPolicy.StableAfter));
    }
}
