using System.Globalization;
using System.Text.Json;
using NextLevel.Domain.Calls;

namespace NextLevel.Api.Calls;

/// <summary>One turn of ElevenLabs' transcript (tool-only turns without a message are left out).</summary>
public sealed record PostCallTurn(Speaker Speaker, string Text, double Seconds);

/// <summary>One of the agent's evaluation criteria: id, result (success/failure/unknown) and the rationale.</summary>
public sealed record PostCallEvaluation(string CriteriaId, string Result, string? Rationale);

/// <summary>
/// What the Api reads from ElevenLabs' <c>post_call_transcription</c> webhook (data.*). Parsed tolerantly: unknown
/// fields are ignored, as ElevenLabs adds fields over time; wrong types of the fields read are errors.
/// </summary>
public sealed record PostCallEvent(
    string ConversationId,
    string? AgentId,
    string? CallSid,
    string? CallIdVariable,
    IReadOnlyList<PostCallTurn> Turns,
    int? DurationSeconds,
    long? StartUnixSeconds,
    string? CallSuccessful,
    string? Summary,
    IReadOnlyDictionary<string, JsonElement> DataCollection,
    IReadOnlyList<PostCallEvaluation> Evaluations)
{
    public const string TranscriptionType = "post_call_transcription";

    /// <summary>A value the agent collected (analysis.data_collection_results[id].value), null when absent or null.</summary>
    public JsonElement? Collected(string id) =>
        DataCollection.TryGetValue(id, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public string? CollectedString(string id) => Collected(id) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;

    public double? CollectedNumber(string id) => Collected(id) switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public bool? CollectedBool(string id) => Collected(id) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>Reads the event type and, for a transcription, the event; errors are keyed by JSON path.</summary>
    public static (string? Type, PostCallEvent? Event, Dictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The body must be a JSON object."];
            return (null, null, errors);
        }

        var type = String(root, "type", "type", errors, required: true);
        if (type != TranscriptionType || errors.Count > 0) return (type, null, errors);

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            errors["data"] = ["data must be an object."];
            return (type, null, errors);
        }

        var conversationId = String(data, "conversation_id", "data.conversation_id", errors, required: true);
        var agentId = String(data, "agent_id", "data.agent_id", errors);
        var turns = ReadTurns(data, errors);

        var metadata = Object(data, "metadata", "data.metadata", errors);
        int? duration = null;
        long? start = null;
        string? callSid = null;
        if (metadata is { } m)
        {
            duration = Integer(m, "call_duration_secs", "data.metadata.call_duration_secs", errors) is { } d ? (int)d : null;
            start = Integer(m, "start_time_unix_secs", "data.metadata.start_time_unix_secs", errors);
            if (Object(m, "phone_call", "data.metadata.phone_call", errors) is { } phone) callSid = String(phone, "call_sid", "data.metadata.phone_call.call_sid", errors);
        }

        string? callId = null;
        if (Object(data, "conversation_initiation_client_data", "data.conversation_initiation_client_data", errors) is { } client
            && Object(client, "dynamic_variables", "data.conversation_initiation_client_data.dynamic_variables", errors) is { } variables
            && variables.TryGetProperty("call_id", out var callIdValue) && callIdValue.ValueKind == JsonValueKind.String)
        {
            callId = callIdValue.GetString();
        }

        string? successful = null, summary = null;
        var collected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var evaluations = new List<PostCallEvaluation>();
        if (Object(data, "analysis", "data.analysis", errors) is { } analysis)
        {
            successful = String(analysis, "call_successful", "data.analysis.call_successful", errors);
            summary = String(analysis, "transcript_summary", "data.analysis.transcript_summary", errors);
            if (Object(analysis, "data_collection_results", "data.analysis.data_collection_results", errors) is { } results)
            {
                foreach (var result in results.EnumerateObject())
                {
                    if (result.Value.ValueKind == JsonValueKind.Object && result.Value.TryGetProperty("value", out var value)) collected[result.Name] = value.Clone();
                }
            }

            if (Object(analysis, "evaluation_criteria_results", "data.analysis.evaluation_criteria_results", errors) is { } criteria)
            {
                foreach (var criterion in criteria.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Object))
                {
                    var result = criterion.Value.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    var rationale = criterion.Value.TryGetProperty("rationale", out var why) && why.ValueKind == JsonValueKind.String ? why.GetString() : null;
                    evaluations.Add(new PostCallEvaluation(criterion.Name, result ?? "unknown", rationale));
                }
            }
        }

        if (errors.Count > 0) return (type, null, errors);
        return (type, new PostCallEvent(conversationId!, agentId, callSid, callId, turns, duration, start, successful, summary, collected, evaluations), errors);
    }

    private static List<PostCallTurn> ReadTurns(JsonElement data, Dictionary<string, string[]> errors)
    {
        var turns = new List<PostCallTurn>();
        if (!data.TryGetProperty("transcript", out var transcript) || transcript.ValueKind == JsonValueKind.Null) return turns;
        if (transcript.ValueKind != JsonValueKind.Array)
        {
            errors["data.transcript"] = ["transcript must be an array."];
            return turns;
        }

        var index = 0;
        foreach (var turn in transcript.EnumerateArray())
        {
            var path = $"data.transcript[{index++}]";
            if (turn.ValueKind != JsonValueKind.Object)
            {
                errors[path] = ["A transcript turn must be an object."];
                continue;
            }

            var role = String(turn, "role", path + ".role", errors, required: true);
            var message = String(turn, "message", path + ".message", errors);
            var seconds = turn.TryGetProperty("time_in_call_secs", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0;
            if (role is not ("agent" or "user"))
            {
                if (role is not null) errors[path + ".role"] = ["role must be agent or user."];
                continue;
            }

            if (!string.IsNullOrEmpty(message)) turns.Add(new PostCallTurn(role == "agent" ? Speaker.Agent : Speaker.User, message, seconds));
        }

        return turns;
    }

    private static string? String(JsonElement parent, string name, string path, Dictionary<string, string[]> errors, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors[path] = [$"{name} is required."];
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && (!required || !string.IsNullOrWhiteSpace(value.GetString()))) return value.GetString();
        errors[path] = [$"{name} must be a{(required ? " non-empty" : "")} string."];
        return null;
    }

    private static long? Integer(JsonElement parent, string name, string path, Dictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0) return number;
        errors[path] = [$"{name} must be a non-negative whole number."];
        return null;
    }

    private static JsonElement? Object(JsonElement parent, string name, string path, Dictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        errors[path] = [$"{name} must be an object."];
        return null;
    }
}
