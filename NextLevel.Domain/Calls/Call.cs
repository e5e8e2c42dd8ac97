using MongoDB.Bson;

namespace NextLevel.Domain.Calls;

public enum CallDirection
{
    Outbound = 1,
    Inbound = 2,
}

public enum CallType
{
    Automated = 1,
    Manual = 2,
}

public enum CallStatus
{
    Initiated = 1,
    Ringing = 2,
    Answered = 3,
    Completed = 4,
    Busy = 5,
    NoAnswer = 6,
    Failed = 7,
}

public enum CallOutcome
{
    Qualified = 1,
    NotInterested = 2,
    Callback = 3,
    Voicemail = 4,
    WrongNumber = 5,
}

/// <summary>One phone call (collection <c>calls</c>): provider ids, timing, outcome, AI analysis, compliance and cost.</summary>
public sealed class Call
{
    public ObjectId Id { get; set; }

    /// <summary>Twilio Call SID; unique.</summary>
    public string CallSid { get; set; } = "";

    /// <summary>ElevenLabs conversation id.</summary>
    public string? ConversationId { get; set; }

    public ObjectId LeadId { get; set; }

    public string ContactPhone { get; set; } = "";

    public string? FromPhone { get; set; }

    public DateTime InitiatedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Seconds.</summary>
    public int? Duration { get; set; }

    public int? TalkTime { get; set; }

    public CallDirection Direction { get; set; } = CallDirection.Outbound;

    public CallType Type { get; set; } = CallType.Automated;

    public ObjectId? CampaignId { get; set; }

    public CallStatus Status { get; set; } = CallStatus.Initiated;

    public CallOutcome? Outcome { get; set; }

    public string? Disposition { get; set; }

    public ConversationMetrics? ConversationMetrics { get; set; }

    public CallSentiment? Sentiment { get; set; }

    public List<KeyMoment> KeyMoments { get; set; } = [];

    public ExtractedInfo? ExtractedInfo { get; set; }

    public List<FollowUpAction> FollowUpActions { get; set; } = [];

    public string? RecordingUrl { get; set; }

    public int? RecordingDuration { get; set; }

    public ObjectId? TranscriptId { get; set; }

    public bool ConsentVerified { get; set; }

    public bool DncChecked { get; set; }

    public string? ComplianceNotes { get; set; }

    public double? QualityScore { get; set; }

    public QualityFactors? QualityFactors { get; set; }

    public CallCost? Cost { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string CreatedBy { get; set; } = "calling_service";

    public string UpdatedBy { get; set; } = "calling_service";
}

public sealed class ConversationMetrics
{
    public double AgentTalkTime { get; set; }

    public double UserTalkTime { get; set; }

    public int InterruptionCount { get; set; }

    public int TurnCount { get; set; }

    public double AvgTurnDuration { get; set; }

    public double SilenceDuration { get; set; }
}

public sealed class CallSentiment
{
    /// <summary>-1..1.</summary>
    public double Overall { get; set; }

    public List<SentimentPoint> Timeline { get; set; } = [];

    public EmotionMix? Emotions { get; set; }
}

public sealed class SentimentPoint
{
    /// <summary>Seconds into the call.</summary>
    public double Timestamp { get; set; }

    public double Score { get; set; }
}

public sealed class EmotionMix
{
    public double Positive { get; set; }

    public double Neutral { get; set; }

    public double Negative { get; set; }
}

public sealed class KeyMoment
{
    /// <summary>objection, commitment, question, callback_request...</summary>
    public string Type { get; set; } = "";

    public double Timestamp { get; set; }

    public string? UserText { get; set; }

    public string? AgentResponse { get; set; }

    public bool? Resolved { get; set; }
}

public sealed class ExtractedInfo
{
    public string? PropertyCondition { get; set; }

    public List<string> MotivationFactors { get; set; } = [];

    public string? Timeframe { get; set; }

    public decimal? PriceExpectation { get; set; }

    public bool? CompetingOffers { get; set; }

    public bool? AgentInvolved { get; set; }

    public string? DecisionMakers { get; set; }
}

public sealed class FollowUpAction
{
    /// <summary>site_visit, send_email, send_sms, callback.</summary>
    public string Type { get; set; } = "";

    public DateTime ScheduledFor { get; set; }

    public string? Notes { get; set; }

    public string? Template { get; set; }

    public bool Completed { get; set; }
}

public sealed class QualityFactors
{
    public double ClearCommunication { get; set; }

    public double ActiveListening { get; set; }

    public double ObjectionHandling { get; set; }

    public double OutcomeAchieved { get; set; }
}

/// <summary>What the call cost; totalCost = twilioMinutes × twilioRate + elevenLabsCharacters × elevenLabsRate.</summary>
public sealed class CallCost
{
    public decimal TwilioMinutes { get; set; }

    public decimal TwilioRate { get; set; }

    public int ElevenLabsCharacters { get; set; }

    public decimal ElevenLabsRate { get; set; }

    public decimal TotalCost { get; set; }

    public static CallCost Of(decimal twilioMinutes, decimal twilioRate, int elevenLabsCharacters, decimal elevenLabsRate) => new()
    {
        TwilioMinutes = twilioMinutes,
        TwilioRate = twilioRate,
        ElevenLabsCharacters = elevenLabsCharacters,
        ElevenLabsRate = elevenLabsRate,
        TotalCost = Math.Round(twilioMinutes * twilioRate + elevenLabsCharacters * elevenLabsRate, 4),
    };
}
