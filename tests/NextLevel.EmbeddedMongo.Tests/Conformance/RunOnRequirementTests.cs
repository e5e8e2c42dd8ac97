using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class RunOnRequirementTests
{
    private static readonly ServerEnvironment Embedded = ServerEnvironment.EmbeddedDefault();

    private static string? WhyNot(string requirementsJson)
        => RunOnRequirementEvaluator.WhyNotSatisfied(BsonDocument.Parse("{ r: " + requirementsJson + " }")["r"].AsBsonArray, Embedded);

    [Fact]
    public void No_requirements_always_run()
    {
        Assert.Null(RunOnRequirementEvaluator.WhyNotSatisfied(null, Embedded));
        Assert.Null(WhyNot("[]"));
    }

    [Theory]
    [InlineData("[{ minServerVersion: '4.4' }]")]
    [InlineData("[{ minServerVersion: '7.0.14' }]")]
    [InlineData("[{ maxServerVersion: '7.99' }]")]
    [InlineData("[{ maxServerVersion: '8.1.99', minServerVersion: '4.2.0' }]")]
    [InlineData("[{ minServerVersion: '4.0.0', topologies: ['single', 'replicaset'] }]")]
    [InlineData("[{ minServerVersion: '3.4', serverless: 'forbid' }]")]
    [InlineData("[{ serverless: 'allow' }]")]
    [InlineData("[{ auth: false }]")]
    [InlineData("[{ csfle: false }]")]
    public void Requirements_a_7_0_standalone_meets(string requirements)
        => Assert.Null(WhyNot(requirements));

    [Theory]
    [InlineData("[{ minServerVersion: '8.0' }]", "needs server >= 8.0")]
    [InlineData("[{ minServerVersion: '7.1.0' }]", "needs server >= 7.1.0")]
    [InlineData("[{ maxServerVersion: '4.2.99' }]", "needs server <= 4.2.99")]
    [InlineData("[{ minServerVersion: '3.6', topologies: ['replicaset', 'sharded', 'load-balanced'] }]", "needs topology")]
    [InlineData("[{ serverless: 'require' }]", "serverless")]
    [InlineData("[{ auth: true }]", "auth")]
    [InlineData("[{ csfle: true }]", "CSFLE")]
    public void Requirements_a_7_0_standalone_does_not_meet(string requirements, string reason)
        => Assert.Contains(reason, WhyNot(requirements));

    [Fact]
    public void Any_satisfied_requirement_is_enough()
        => Assert.Null(WhyNot("[{ minServerVersion: '4.2.0', topologies: ['sharded'] }, { minServerVersion: '4.0.0', topologies: ['single'] }]"));

    [Fact]
    public void Every_condition_of_a_requirement_must_hold()
        => Assert.NotNull(WhyNot("[{ minServerVersion: '4.0', maxServerVersion: '4.4.99' }]"));

    [Fact]
    public void Sharded_accepts_a_sharded_replica_set_cluster()
    {
        var environment = new ServerEnvironment { Version = DottedVersion.Parse("7.0.0"), Topology = "sharded-replicaset" };
        var requirements = BsonDocument.Parse("{ r: [{ topologies: ['sharded'] }] }")["r"].AsBsonArray;
        Assert.Null(RunOnRequirementEvaluator.WhyNotSatisfied(requirements, environment));
    }

    [Fact]
    public void Server_parameters_compare_flexibly_and_missing_ones_skip()
    {
        var environment = new ServerEnvironment
        {
            Version = DottedVersion.Parse("7.0.14"),
            Topology = "single",
            GetServerParameter = name => name == "enableTestCommands" ? new BsonDouble(1) : null,
        };
        Assert.Null(RunOnRequirementEvaluator.WhyNotSatisfied(BsonDocument.Parse("{ r: [{ serverParameters: { enableTestCommands: 1 } }] }")["r"].AsBsonArray, environment));
        Assert.NotNull(RunOnRequirementEvaluator.WhyNotSatisfied(BsonDocument.Parse("{ r: [{ serverParameters: { other: 1 } }] }")["r"].AsBsonArray, environment));
    }
}
