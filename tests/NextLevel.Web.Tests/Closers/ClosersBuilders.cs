using NextLevel.Web.ApiClient.Closers;

namespace NextLevel.Web.Tests.Closers;

internal static class ClosersBuilders
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    public static OfferedLead Offered(string id, string name, TimeSpan left) =>
        new(id, name, "Spring sellers", 0.8, Now.AddMinutes(-1), Now + left, "next in rotation, on shift, 3 of 20 open");

    public static LeadTask Task(string id, string title, DateTimeOffset due, bool overdue = false, string status = "open", string type = "call_back") =>
        new(id, "lead0001", "Dana Seller", "prop1", type, title, "u-casey", "Casey Closer", due, "high", status, overdue, null, "manual", Now.AddDays(-1), null);

    public static Appointment Visit(string id, DateTimeOffset starts, int minutes = 60) =>
        new(id, "lead0001", "Dana Seller", "prop1", "u-casey", "Casey Closer", starts, starts.AddMinutes(minutes), minutes, "1 Elm St, Seattle, WA 98101", "Dana Seller", "scheduled", null);

    public static PipelineBoard Board(params (string Stage, string LeadId, string Name)[] cards) =>
        new([.. ClosersVocabulary.PipelineStages.Select(stage => new PipelineColumn(stage,
            [.. cards.Where(c => c.Stage == stage).Select(c => new PipelineCard(c.LeadId, c.Name, 0.7, "Spring sellers", "u-casey", "1 Elm St", Now))]))]);
}
