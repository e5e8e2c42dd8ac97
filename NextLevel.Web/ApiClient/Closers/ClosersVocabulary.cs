namespace NextLevel.Web.ApiClient.Closers;

/// <summary>The closers' workflow's stored enum values (snake_case), as the Api returns and accepts them.</summary>
public static class ClosersVocabulary
{
    public static readonly string[] RoutingModes = ["round_robin", "weighted"];
    public static readonly string[] TaskTypes = ["call_back", "site_visit", "send_offer", "follow_up", "other"];
    public static readonly string[] TaskPriorities = ["low", "normal", "high", "urgent"];
    public static readonly string[] TaskStatuses = ["open", "done", "cancelled"];
    public static readonly string[] AppointmentStatuses = ["scheduled", "completed", "cancelled", "no_show"];
    public static readonly string[] OfferStatuses = ["draft", "sent", "countered", "accepted", "rejected", "expired"];
    public static readonly string[] ExitStrategies = ["assignment", "resale"];
    public static readonly string[] DealStatuses = ["under_contract", "closed", "cancelled"];

    /// <summary>The board's columns in lifecycle order.</summary>
    public static readonly string[] PipelineStages = ["new", "contacted", "qualified", "site_visit", "offer_made", "negotiation", "closed", "lost"];
}
