using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Conformance.Requirements;

/// <summary>
/// Evaluates a runOnRequirements array: the tests run when ANY requirement is satisfied; a requirement is satisfied
/// when ALL of its conditions hold. "sharded" also accepts "sharded-replicaset".
/// </summary>
public static class RunOnRequirementEvaluator
{
    /// <summary>Returns null when the requirements are met (or absent), otherwise why the tests are skipped.</summary>
    public static string? WhyNotSatisfied(BsonArray? requirements, ServerEnvironment environment)
    {
        if (requirements is null || requirements.Count == 0) return null;

        var reasons = new List<string>();
        foreach (var requirement in requirements)
        {
            var reason = WhyNotSatisfied(requirement.AsBsonDocument, environment);
            if (reason is null) return null;
            reasons.Add(reason);
        }
        return "runOnRequirements not met: " + string.Join("; ", reasons);
    }

    private static string? WhyNotSatisfied(BsonDocument requirement, ServerEnvironment environment)
    {
        foreach (var condition in requirement)
        {
            var reason = condition.Name switch
            {
                "minServerVersion" => environment.Version >= DottedVersion.Parse(condition.Value.AsString)
                    ? null : $"needs server >= {condition.Value.AsString} (have {environment.Version})",
                "maxServerVersion" => environment.Version <= DottedVersion.Parse(condition.Value.AsString)
                    ? null : $"needs server <= {condition.Value.AsString} (have {environment.Version})",
                "topologies" => TopologyMatches(condition.Value.AsBsonArray, environment.Topology)
                    ? null : $"needs topology {string.Join('/', condition.Value.AsBsonArray.Select(t => t.AsString))} (have {environment.Topology})",
                "serverless" => ServerlessMatches(condition.Value.AsString, environment.IsServerless)
                    ? null : $"serverless: {condition.Value.AsString}",
                "auth" => condition.Value.ToBoolean() == environment.AuthEnabled
                    ? null : $"needs auth {(condition.Value.ToBoolean() ? "enabled" : "disabled")}",
                "csfle" => condition.Value.ToBoolean() == environment.CsfleSupported
                    ? null : $"needs CSFLE {(condition.Value.ToBoolean() ? "support" : "absent")}",
                "serverParameters" => WhyParametersDiffer(condition.Value.AsBsonDocument, environment),
                "authMechanism" => $"needs auth mechanism {condition.Value}",
                _ => throw new UnsupportedByRunnerException($"runOnRequirement '{condition.Name}'"),
            };
            if (reason is not null) return reason;
        }
        return null;
    }

    private static bool TopologyMatches(BsonArray topologies, string actual)
        => topologies.Any(t => t.AsString == actual || (t.AsString == "sharded" && actual == "sharded-replicaset"));

    private static bool ServerlessMatches(string mode, bool isServerless) => mode switch
    {
        "require" => isServerless,
        "forbid" => !isServerless,
        _ => true,
    };

    private static string? WhyParametersDiffer(BsonDocument parameters, ServerEnvironment environment)
    {
        foreach (var parameter in parameters)
        {
            var actual = environment.GetServerParameter(parameter.Name);
            if (actual is null || !ValueMatcher.ScalarsEqual(parameter.Value, actual))
                return $"needs server parameter {parameter.Name}={parameter.Value}";
        }
        return null;
    }
}
