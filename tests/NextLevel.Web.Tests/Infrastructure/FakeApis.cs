using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Auth;
using NextLevel.Web.LiveFeed;

namespace NextLevel.Web.Tests.Infrastructure;

/// <summary>An in-memory leads Api: a list of rows paged by index cursors, details by id, and a record of calls.</summary>
public sealed class FakeLeadsApi : ILeadsApi
{
    public List<LeadSummary> Rows { get; } = [];
    public Dictionary<string, LeadDetail> Details { get; } = [];
    public Dictionary<string, PropertyDetail> Properties { get; } = [];
    public List<(LeadFilter Filter, string? Cursor, int Limit, bool Total)> ListCalls { get; } = [];
    public List<(string Id, LeadStatusChange Change)> StatusChanges { get; } = [];
    public List<(string Id, string Text)> Notes { get; } = [];
    public List<(string Id, IReadOnlyList<string> Tags)> TagChanges { get; } = [];
    public Exception? Failure { get; set; }

    /// <summary>When set, lists wait for it (a slow Api).</summary>
    public TaskCompletionSource? ListGate { get; set; }

    public async Task<LeadPage> ListAsync(LeadFilter filter, TimeZoneInfo zone, string? cursor, int limit, bool includeTotal, CancellationToken cancellationToken)
    {
        ListCalls.Add((filter, cursor, limit, includeTotal));
        if (ListGate is not null) await ListGate.Task;
        if (Failure is not null) throw Failure;
        var matching = Rows.Where(r => (filter.Status is null || r.Status == filter.Status) && (filter.Q is null || r.FullName.Contains(filter.Q, StringComparison.OrdinalIgnoreCase))).ToList();
        var start = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
        var page = matching.Skip(start).Take(limit).ToList();
        var next = start + limit < matching.Count ? (start + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new LeadPage(page, next, includeTotal ? matching.Count : null);
    }

    public Task<LeadDetail?> GetAsync(string id, CancellationToken cancellationToken) =>
        Failure is not null ? Task.FromException<LeadDetail?>(Failure) : Task.FromResult(Details.GetValueOrDefault(id));

    public Task ChangeStatusAsync(string id, LeadStatusChange change, CancellationToken cancellationToken)
    {
        StatusChanges.Add((id, change));
        return Task.CompletedTask;
    }

    public Task AddNoteAsync(string id, string text, CancellationToken cancellationToken)
    {
        Notes.Add((id, text));
        return Task.CompletedTask;
    }

    public Task SetTagsAsync(string id, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        TagChanges.Add((id, tags));
        return Task.CompletedTask;
    }

    public Task<PropertyDetail?> GetPropertyAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Properties.GetValueOrDefault(id));
}

public sealed class FakeCampaignsApi : ICampaignsApi
{
    public List<Campaign> Campaigns { get; } = [];
    public List<Campaign> Saved { get; } = [];
    public List<(string Id, string Action)> Transitions { get; } = [];
    public long PreviewCount { get; set; } = 42;

    public Task<IReadOnlyList<CampaignSummary>> ListAsync(string? status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignSummary>>([.. Campaigns.Where(c => status is null || c.Status == status)
            .Select(c => new CampaignSummary(c.Id!, c.Name, c.Type, c.Status, c.Schedule.StartDate, c.Schedule.EndDate, c.Budget.TotalBudget, c.Budget.Spent, default))]);

    public Task<Campaign?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Campaigns.FirstOrDefault(c => c.Id == id));

    public Task<Campaign> CreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        campaign.Id = "c-new";
        Saved.Add(campaign);
        return Task.FromResult(campaign);
    }

    public Task<Campaign> UpdateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        Saved.Add(campaign);
        return Task.FromResult(campaign);
    }

    public Task<Campaign> TransitionAsync(string id, string action, CancellationToken cancellationToken)
    {
        Transitions.Add((id, action));
        var campaign = Campaigns.First(c => c.Id == id);
        campaign.Status = action switch { "pause" => "paused", "activate" => "active", _ => "completed" };
        return Task.FromResult(campaign);
    }

    public Task<TargetingPreview> PreviewTargetingAsync(string id, CancellationToken cancellationToken) => Task.FromResult(new TargetingPreview(id, PreviewCount, default));

    public Task<CampaignMetrics> MetricsAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(new CampaignMetrics(id, new LeadOutcomes(120, 80, 30, 10, 5, 3, 0.6), new CallTotals(200, 150, 140, 300, 0.4, 1500.5), 60000, 1500.5, 0.66, 0.25, 0.025, 12.5, 500, 39));
}

public sealed class FakeDashboardApi : IDashboardApi
{
    public List<(DateTimeOffset From, DateTimeOffset To)> KpiCalls { get; } = [];
    public List<bool> KpiCompares { get; } = [];
    public Func<DateTimeOffset, DateTimeOffset, KpiReport> Kpis { get; set; } = (from, to) =>
        new KpiReport(new KpiValues(from, to, 0, null, null, 0, 0, 0, 0, 0, 0, null, null, null), null);
    public CampaignPerformanceReport Performance { get; set; } = new(null, default, default, []);
    public FunnelReport Funnel { get; set; } = new(default, default, []);
    public List<(string? CampaignId, string? Source)> FunnelCalls { get; } = [];

    public Task<KpiReport> KpisAsync(DateTimeOffset from, DateTimeOffset to, bool compare, CancellationToken cancellationToken)
    {
        KpiCalls.Add((from, to));
        KpiCompares.Add(compare);
        var report = Kpis(from, to);
        return Task.FromResult(compare ? report : report with { Previous = null });
    }

    public Task<CampaignPerformanceReport> CampaignPerformanceAsync(string campaignId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(Performance);

    public Task<FunnelReport> FunnelAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? source, CancellationToken cancellationToken)
    {
        FunnelCalls.Add((campaignId, source));
        return Task.FromResult(Funnel);
    }
}

public sealed class FakeComplianceApi : IComplianceApi
{
    public Dictionary<string, CanContactAnswer> Answers { get; } = [];
    public List<(string LeadId, ConsentRevocation Revocation)> Revocations { get; } = [];
    public List<(string Phone, DncAddRequest Request)> DncAdds { get; } = [];
    public List<ConsentLogEntry> ConsentLog { get; } = [];
    public List<DncImportStatus> Imports { get; } = [];

    public Task<CanContactAnswer> CanContactAsync(string leadId, string channel, CancellationToken cancellationToken) =>
        Task.FromResult(Answers.GetValueOrDefault(channel) ?? Allowed(channel));

    public static CanContactAnswer Allowed(string channel) => new(null, channel, default, true, [], null, null, null, null, null, false);

    public static CanContactAnswer Refused(string channel, string reason) =>
        new(null, channel, default, false, [new ComplianceReason("consent_revoked", reason)], null, null, null, null, null, false);

    public Task RevokeConsentAsync(string leadId, ConsentRevocation revocation, CancellationToken cancellationToken)
    {
        Revocations.Add((leadId, revocation));
        foreach (var channel in Vocabulary.Channels.Where(c => c != "email")) Answers[channel] = Refused(channel, "Consent was revoked");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DncEntry>> DncEntriesAsync(string phone, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DncEntry>>([]);

    public Task AddToDncAsync(string phone, DncAddRequest request, CancellationToken cancellationToken)
    {
        DncAdds.Add((phone, request));
        return Task.CompletedTask;
    }

    public Task RemoveFromDncAsync(string phone, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConsentLogPage> ConsentLogAsync(string? leadId, string? phone, string? cursor, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(new ConsentLogPage([.. ConsentLog.Where(e => (leadId is null || e.LeadId == leadId) && (phone is null || e.Phone == phone))], null));

    public Task<DncPage> DncListAsync(string? source, string? cursor, int limit, CancellationToken cancellationToken) => Task.FromResult(new DncPage([], null));

    public Task<IReadOnlyList<DncImportStatus>> DncImportsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DncImportStatus>>(Imports);

    public Task<BlockedAttemptPage> BlockedAttemptsAsync(string? cursor, int limit, CancellationToken cancellationToken) => Task.FromResult(new BlockedAttemptPage([], null));
}

public sealed class FakeCallsApi : ICallsApi
{
    public Dictionary<string, Call> Calls { get; } = [];
    public Dictionary<string, CallTranscript> Transcripts { get; } = [];

    public Task<CallPage> ListAsync(CallFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(new CallPage([], null, null));

    public Task<Call?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Calls.GetValueOrDefault(id));

    public Task<CallTranscript?> TranscriptAsync(string callId, CancellationToken cancellationToken) => Task.FromResult(Transcripts.GetValueOrDefault(callId));
}

public sealed class FakeLiveFeedSource : ILiveFeedSource
{
    public List<LiveFeedEvent> Events { get; } = [];

    public Task<IReadOnlyList<LiveFeedEvent>> ReadLatestAsync(StaffSession session, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LiveFeedEvent>>([.. Events]);
}
