using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>Checks an observed error against an expectedError document of the unified test format.</summary>
public static class ExpectedErrorMatcher
{
    public static void AssertMatches(BsonDocument expected, ObservedError actual, ValueMatcher matcher)
    {
        foreach (var assertion in expected)
        {
            switch (assertion.Name)
            {
                case "isError":
                    break;
                case "isClientError":
                    if (assertion.Value.ToBoolean() != actual.IsClientError)
                        Fail($"expected a {(assertion.Value.ToBoolean() ? "client" : "server")} error", actual);
                    break;
                case "isTimeoutError":
                    if (assertion.Value.ToBoolean() != actual.IsTimeoutError)
                        Fail($"expected isTimeoutError {assertion.Value}", actual);
                    break;
                case "errorContains":
                    var fragment = assertion.Value.AsString;
                    if (!actual.Messages.Any(m => m.Contains(fragment, StringComparison.OrdinalIgnoreCase)))
                        Fail($"expected the error message to contain \"{fragment}\"", actual);
                    break;
                case "errorCode":
                    if (actual.Code != assertion.Value.ToInt32())
                        Fail($"expected error code {assertion.Value} but got {(actual.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}", actual);
                    break;
                case "errorCodeName":
                    if (actual.CodeName != assertion.Value.AsString)
                        Fail($"expected error code name {assertion.Value} but got {actual.CodeName ?? "none"}", actual);
                    break;
                case "errorLabelsContain":
                    foreach (var label in assertion.Value.AsBsonArray.Select(l => l.AsString).Where(l => !actual.ErrorLabels.Contains(l)))
                        Fail($"expected error label {label}", actual);
                    break;
                case "errorLabelsOmit":
                    foreach (var label in assertion.Value.AsBsonArray.Select(l => l.AsString).Where(actual.ErrorLabels.Contains))
                        Fail($"expected no error label {label}", actual);
                    break;
                case "errorResponse":
                    if (actual.Response is null) Fail("expected a server response with the error", actual);
                    matcher.AssertMatches(assertion.Value, actual.Response, MatchRootness.Document, "errorResponse");
                    break;
                case "expectResult":
                    matcher.AssertMatches(assertion.Value, actual.PartialResult, MatchRootness.Document, "error result");
                    break;
                default:
                    throw new UnsupportedByRunnerException($"expectError assertion '{assertion.Name}'");
            }
        }
    }

    private static void Fail(string what, ObservedError actual)
        => throw new TestAssertionException($"{what}; got {actual.Describe()}");
}
