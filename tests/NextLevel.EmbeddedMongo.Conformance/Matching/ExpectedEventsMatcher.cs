using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>Checks a test's expectEvents (command monitoring events only) against the events its clients recorded.</summary>
public static class ExpectedEventsMatcher
{
    public static void AssertMatches(BsonArray expectEvents, EntityMap entities, ValueMatcher matcher)
    {
        foreach (var item in expectEvents)
        {
            var expectation = item.AsBsonDocument;
            var clientName = expectation["client"].AsString;
            var eventType = expectation.GetValue("eventType", "command").AsString;
            if (eventType != "command") throw new UnsupportedByRunnerException($"expectEvents of type '{eventType}'");

            var recorder = entities.Get<ClientEntity>(clientName).Events
                ?? throw new InvalidOperationException($"client '{clientName}' does not observe events");
            var actual = recorder.Events;
            var expected = expectation["events"].AsBsonArray;
            var ignoreExtra = expectation.GetValue("ignoreExtraEvents", false).ToBoolean();
            if (actual.Count < expected.Count || (!ignoreExtra && actual.Count != expected.Count))
                throw new TestAssertionException($"events of {clientName}: expected {expected.Count} but observed {actual.Count} ({string.Join(", ", actual.Select(Describe))})");

            for (var i = 0; i < expected.Count; i++)
                AssertEvent(expected[i].AsBsonDocument, actual[i], matcher, $"event {i} of {clientName}");
        }
    }

    private static void AssertEvent(BsonDocument expected, BsonDocument actual, ValueMatcher matcher, string label)
    {
        var expectedType = expected.GetElement(0).Name;
        var actualType = actual.GetElement(0).Name;
        if (expectedType != actualType)
            throw new TestAssertionException($"{label}: expected {expectedType} but observed {Describe(actual)}");

        var observed = actual[0].AsBsonDocument;
        foreach (var assertion in expected[0].AsBsonDocument)
        {
            switch (assertion.Name)
            {
                case "command" or "reply":
                    matcher.AssertMatches(assertion.Value, observed[assertion.Name], MatchRootness.Document, $"{label} {assertion.Name}");
                    break;
                case "commandName" or "databaseName":
                    if (observed[assertion.Name].AsString != assertion.Value.AsString)
                        throw new TestAssertionException($"{label}: expected {assertion.Name} {assertion.Value} but observed {observed[assertion.Name]}");
                    break;
                case "hasServiceId" or "hasServerConnectionId":
                    // Only meaningful behind a load balancer; a standalone has no service id.
                    break;
                default:
                    throw new UnsupportedByRunnerException($"event assertion '{assertion.Name}'");
            }
        }
    }

    private static string Describe(BsonDocument recorded)
        => $"{recorded.GetElement(0).Name}({recorded[0]["commandName"]})";
}
