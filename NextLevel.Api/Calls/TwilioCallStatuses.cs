using NextLevel.Domain.Calls;

namespace NextLevel.Api.Calls;

/// <summary>
/// Twilio's CallStatus values mapped onto ours, with their rank: a call only moves forward
/// (initiated → ringing → answered → one terminal status), so late or repeated callbacks never regress it.
/// </summary>
public static class TwilioCallStatuses
{
    public static bool TryMap(string? twilioStatus, out CallStatus status)
    {
        status = twilioStatus switch
        {
            "queued" or "initiated" => CallStatus.Initiated,
            "ringing" => CallStatus.Ringing,
            "in-progress" or "answered" => CallStatus.Answered,
            "completed" => CallStatus.Completed,
            "busy" => CallStatus.Busy,
            "no-answer" => CallStatus.NoAnswer,
            // Canceled: we ended it while it was queued or ringing; it reached nobody.
            "failed" or "canceled" => CallStatus.Failed,
            _ => 0,
        };
        return status != 0;
    }

    public static int Rank(CallStatus status) => status switch
    {
        CallStatus.Initiated => 0,
        CallStatus.Ringing => 1,
        CallStatus.Answered => 2,
        _ => 3,
    };

    public static bool IsTerminal(CallStatus status) => Rank(status) == 3;

    /// <summary>The statuses a call may still leave for <paramref name="next"/>.</summary>
    public static IReadOnlyList<CallStatus> Before(CallStatus next) =>
        Enum.GetValues<CallStatus>().Where(s => Rank(s) < Rank(next)).ToArray();
}
