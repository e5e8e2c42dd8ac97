using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Worker.Services.Reassigned;
using NextLevel.Worker.Simulator;

namespace NextLevel.Worker.Tests.Reassigned;

public sealed class SimulatedReassignedNumbersClientTests
{
    private static readonly DateOnly Recent = new(2025, 6, 1);

    [Theory]
    [InlineData("+12065550199", ReassignedCheckResult.Reassigned)]
    [InlineData("+12065550198", ReassignedCheckResult.NoData)]
    [InlineData("+12065550100", ReassignedCheckResult.NotReassigned)]
    [InlineData("+12065550197", ReassignedCheckResult.NotReassigned)]
    [InlineData("+12065559989", ReassignedCheckResult.NotReassigned)]
    public async Task The_last_two_digits_decide_the_answer(string phone, ReassignedCheckResult expected)
    {
        var answer = await new SimulatedReassignedNumbersClient().CheckAsync(new ReassignedQuery(phone, Recent), default);
        Assert.Equal(expected, answer.Result);
        Assert.Equal(SimulatedReassignedNumbersClient.Provider, answer.Provider);
        Assert.NotNull(answer.RequestId);
    }

    [Theory]
    [InlineData("+12065550199")]
    [InlineData("+12065550100")]
    public async Task Consent_dates_before_the_databases_first_day_get_no_data(string phone)
    {
        var client = new SimulatedReassignedNumbersClient();
        Assert.Equal(ReassignedCheckResult.NoData, (await client.CheckAsync(new ReassignedQuery(phone, new DateOnly(2021, 1, 26)), default)).Result);
        Assert.NotEqual(ReassignedCheckResult.NoData, (await client.CheckAsync(new ReassignedQuery(phone, new DateOnly(2021, 1, 27)), default)).Result);
    }

    [Fact]
    public async Task A_batch_answers_each_number_by_the_same_rules_in_order()
    {
        var answers = await new SimulatedReassignedNumbersClient().CheckManyAsync(
            [new ReassignedQuery("+12065550100", Recent), new ReassignedQuery("+12065550199", Recent), new ReassignedQuery("+12065550198", Recent)], default);
        Assert.Equal([ReassignedCheckResult.NotReassigned, ReassignedCheckResult.Reassigned, ReassignedCheckResult.NoData], answers.Select(a => a.Result));
    }
}
