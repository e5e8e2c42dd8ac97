using MongoDB.Bson;

namespace NextLevel.Domain.Calls;

public enum Speaker
{
    Agent = 1,
    User = 2,
}

/// <summary>The full conversation of one call (collection <c>call_transcripts</c>; one per call).</summary>
public sealed class CallTranscript
{
    public ObjectId Id { get; set; }

    public ObjectId CallId { get; set; }

    public ObjectId LeadId { get; set; }

    public List<TranscriptMessage> Messages { get; set; } = [];

    public string FullTranscript { get; set; } = "";

    public int TotalMessages { get; set; }

    public int AgentMessages { get; set; }

    public int UserMessages { get; set; }

    /// <summary>Seconds.</summary>
    public int Duration { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> Keywords { get; set; } = [];

    /// <summary>Average confidence of the messages.</summary>
    public double TranscriptionQuality { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Builds a transcript whose counts, full text and quality follow from its messages.</summary>
    public static CallTranscript From(ObjectId callId, ObjectId leadId, IReadOnlyList<TranscriptMessage> messages, int duration, DateTime createdAt) => new()
    {
        CallId = callId,
        LeadId = leadId,
        Messages = [.. messages],
        FullTranscript = string.Join('\n', messages.Select(m => $"{(m.Speaker == Speaker.Agent ? "Agent" : "User")}: {m.Text}")),
        TotalMessages = messages.Count,
        AgentMessages = messages.Count(m => m.Speaker == Speaker.Agent),
        UserMessages = messages.Count(m => m.Speaker == Speaker.User),
        Duration = duration,
        TranscriptionQuality = messages.Count == 0 ? 0 : Math.Round(messages.Average(m => m.Confidence), 2),
        CreatedAt = createdAt,
    };
}

public sealed class TranscriptMessage
{
    public Speaker Speaker { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Seconds into the call.</summary>
    public double Timestamp { get; set; }

    public double? Sentiment { get; set; }

    public double Confidence { get; set; }
}
