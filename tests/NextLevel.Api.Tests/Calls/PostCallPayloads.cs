using System.Text.Json.Nodes;

namespace NextLevel.Api.Tests.Calls;

/// <summary>post_call_transcription bodies in ElevenLabs' documented shape, with our data-collection items.</summary>
public static class PostCallPayloads
{
    public static string Transcription(
        string conversationId,
        string callSid,
        string? outcome,
        string agentId = "agent_test",
        string? callbackAt = null,
        string[]? userLines = null,
        double? sentiment = 0.6)
    {
        userLines ??= ["Yes, I'd like to sell, the roof needs work.", "Thursday at 2pm works for a visit."];
        var transcript = new JsonArray
        {
            Turn("agent", "Hi Jane, this is Next Level Homes calling about your property. You can say stop at any time to opt out.", 0),
        };
        var t = 6;
        foreach (var line in userLines)
        {
            transcript.Add(Turn("user", line, t));
            transcript.Add(Turn("agent", "Thank you, noted.", t + 8));
            t += 15;
        }

        transcript.Add(new JsonObject { ["role"] = "agent", ["message"] = null, ["tool_calls"] = new JsonArray(), ["time_in_call_secs"] = t });

        var collected = new JsonObject();
        if (outcome is not null) collected["outcome"] = Item("outcome", outcome);
        if (callbackAt is not null) collected["callback_at"] = Item("callback_at", callbackAt);
        if (sentiment is not null) collected["sentiment"] = Item("sentiment", sentiment.Value);
        collected["property_condition"] = Item("property_condition", "needs_work");
        collected["motivation_factors"] = Item("motivation_factors", "relocation, time_sensitive");
        collected["price_expectation"] = Item("price_expectation", 400000);

        var body = new JsonObject
        {
            ["type"] = "post_call_transcription",
            ["event_timestamp"] = 1772470800,
            ["data"] = new JsonObject
            {
                ["agent_id"] = agentId,
                ["conversation_id"] = conversationId,
                ["status"] = "done",
                ["transcript"] = transcript,
                ["metadata"] = new JsonObject
                {
                    ["start_time_unix_secs"] = 1772470500,
                    ["call_duration_secs"] = 60,
                    ["cost"] = 296,
                    ["termination_reason"] = "",
                    ["phone_call"] = new JsonObject
                    {
                        ["type"] = "twilio", ["direction"] = "outbound", ["phone_number_id"] = "phnum_456",
                        ["agent_number"] = "+15559998888", ["external_number"] = "+12065550100", ["call_sid"] = callSid,
                    },
                },
                ["analysis"] = new JsonObject
                {
                    ["evaluation_criteria_results"] = new JsonObject
                    {
                        ["identified_business"] = new JsonObject { ["criteria_id"] = "identified_business", ["result"] = "success", ["rationale"] = "The agent named the business first." },
                    },
                    ["data_collection_results"] = collected,
                    ["call_successful"] = "success",
                    ["transcript_summary"] = "The owner wants to sell.",
                },
                ["conversation_initiation_client_data"] = new JsonObject { ["dynamic_variables"] = new JsonObject { ["first_name"] = "Jane" } },
                ["future_field"] = new JsonObject { ["ignored"] = true },
            },
        };
        return body.ToJsonString();
    }

    private static JsonObject Turn(string role, string message, int seconds) => new()
    {
        ["role"] = role, ["message"] = message, ["tool_calls"] = null, ["tool_results"] = null, ["feedback"] = null,
        ["time_in_call_secs"] = seconds, ["conversation_turn_metrics"] = null,
    };

    private static JsonObject Item(string id, JsonNode value) => new()
    {
        ["data_collection_id"] = id, ["value"] = value, ["json_schema"] = null, ["rationale"] = "collected during the call",
    };
}
