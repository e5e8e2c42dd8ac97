using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;

namespace NextLevel.Web.Tests.Infrastructure;

/// <summary>An in-memory routing Api: offers, pool, routing states and metrics the test sets, and a record of calls.</summary>
public sealed class FakeRoutingApi : IRoutingApi
{
    public List<OfferedLead> Offers { get; } = [];
    public List<PoolLead> Pool { get; } = [];
    public List<CloserSummary> Closers { get; } = [];
    public Dictionary<string, CampaignRouting> CampaignRules { get; } = [];
    public Dictionary<string, RoutingState> States { get; } = [];
    public List<string> Claims { get; } = [];
    public List<(string CampaignId, RoutingRulesUpdate Rules)> RuleUpdates { get; } = [];
    public List<(DateTimeOffset From, DateTimeOffset To)> MetricsCalls { get; } = [];
    public ClosersMetricsReport Metrics { get; set; } = new([], [], null);
    /// <summary>Thrown by ClaimAsync and UpdateCampaignRoutingAsync when set (a 409 from another closer's claim, a 400).</summary>
    public ApiProblemException? Refusal { get; set; }
    public int OfferReads { get; private set; }

    public static ApiProblemException Problem(int status, string detail) => new(status, detail, new Dictionary<string, string[]>());

    public Task<CampaignRouting> GetCampaignRoutingAsync(string campaignId, CancellationToken cancellationToken) => Task.FromResult(CampaignRules[campaignId]);

    public Task<CampaignRouting> UpdateCampaignRoutingAsync(string campaignId, RoutingRulesUpdate rules, CancellationToken cancellationToken)
    {
        if (Refusal is not null) throw Refusal;
        RuleUpdates.Add((campaignId, rules));
        var updated = CampaignRules[campaignId] with { Mode = rules.Mode, ClaimWindowSeconds = rules.ClaimWindowSeconds, MaxOffers = rules.MaxOffers };
        CampaignRules[campaignId] = updated;
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<CloserSummary>> ClosersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CloserSummary>>([.. Closers]);

    public List<(string UserId, CloserProfileUpdate Profile)> ProfileUpdates { get; } = [];
    /// <summary>Thrown by UpdateCloserProfileAsync when set (a 400 with field errors).</summary>
    public ApiProblemException? ProfileRefusal { get; set; }

    public Task UpdateCloserProfileAsync(string userId, CloserProfileUpdate profile, CancellationToken cancellationToken)
    {
        if (ProfileRefusal is not null) throw ProfileRefusal;
        ProfileUpdates.Add((userId, profile));
        return Task.CompletedTask;
    }

    public Task<RoutingState> LeadRoutingAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(States.GetValueOrDefault(leadId) ?? new RoutingState("none", null, null, null, null, null, null, null, []));

    public Task<RoutingState> RequestAsync(string leadId, string reason, CancellationToken cancellationToken)
    {
        var state = new RoutingState("offered", "u-casey", "Casey Closer", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(5), null, null, null,
            [new RoutingHistoryEntry(DateTimeOffset.UnixEpoch, "requested", null, null, reason)]);
        States[leadId] = state;
        return Task.FromResult(state);
    }

    public Task<RoutingState> ClaimAsync(string leadId, CancellationToken cancellationToken)
    {
        if (Refusal is not null) throw Refusal;
        Claims.Add(leadId);
        Offers.RemoveAll(o => o.LeadId == leadId);
        var state = new RoutingState("claimed", null, null, null, null, "u-casey", "Casey Closer", DateTimeOffset.UnixEpoch, []);
        States[leadId] = state;
        return Task.FromResult(state);
    }

    public Task<RoutingState> ReleaseAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(States[leadId] = new RoutingState("none", null, null, null, null, null, null, null, []));

    public Task<IReadOnlyList<PoolLead>> PoolAsync(string? campaignId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PoolLead>>([.. Pool.Where(p => campaignId is null || p.CampaignId == campaignId)]);

    public Task<IReadOnlyList<OfferedLead>> MyOffersAsync(CancellationToken cancellationToken)
    {
        OfferReads++;
        return Task.FromResult<IReadOnlyList<OfferedLead>>([.. Offers]);
    }

    public Task<ClosersMetricsReport> MetricsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        MetricsCalls.Add((from, to));
        return Task.FromResult(Metrics);
    }
}

/// <summary>An in-memory tasks and visits Api; a visit overlapping one already booked for the same closer is refused with 409.</summary>
public sealed class FakeWorkApi : IWorkApi
{
    public List<LeadTask> Tasks { get; } = [];
    public List<Appointment> Visits { get; } = [];
    public List<TaskFilter> TaskQueries { get; } = [];
    public List<(string TaskId, TaskPatch Patch)> TaskPatches { get; } = [];
    public List<(string LeadId, NewTask Task)> AddedTasks { get; } = [];
    public List<(string? CloserId, DateTimeOffset From, DateTimeOffset To)> AppointmentQueries { get; } = [];
    public ApiProblemException? TaskRefusal { get; set; }
    /// <summary>Thrown by UpdateTaskAsync when set (a call-back outside the legal window).</summary>
    public ApiProblemException? TaskPatchRefusal { get; set; }
    public int FeedRotations { get; private set; }

    public Task<IReadOnlyList<LeadTask>> TasksAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        TaskQueries.Add(filter);
        return Task.FromResult<IReadOnlyList<LeadTask>>([.. Tasks.Where(t =>
            (filter.Status is null || t.Status == filter.Status) && (filter.Type is null || t.Type == filter.Type)
            && (filter.Overdue is not true || t.Overdue) && (filter.LeadId is null || t.LeadId == filter.LeadId))]);
    }

    public Task<LeadTask> AddTaskAsync(string leadId, NewTask task, CancellationToken cancellationToken)
    {
        if (TaskRefusal is not null) throw TaskRefusal;
        AddedTasks.Add((leadId, task));
        var added = new LeadTask($"t{Tasks.Count + 1}", leadId, "Dana Seller", null, task.Type, task.Title, "u-casey", "Casey Closer", task.DueAt, task.Priority, "open", false, task.Notes, "manual", null, null);
        Tasks.Add(added);
        return Task.FromResult(added);
    }

    public Task<LeadTask> UpdateTaskAsync(string taskId, TaskPatch patch, CancellationToken cancellationToken)
    {
        if (TaskPatchRefusal is not null) throw TaskPatchRefusal;
        TaskPatches.Add((taskId, patch));
        var index = Tasks.FindIndex(t => t.Id == taskId);
        var task = Tasks[index];
        Tasks[index] = task with
        {
            Status = patch.Status ?? task.Status, DueAt = patch.DueAt ?? task.DueAt, OwnerId = patch.OwnerId ?? task.OwnerId, Priority = patch.Priority ?? task.Priority,
        };
        return Task.FromResult(Tasks[index]);
    }

    public Task<Appointment> BookVisitAsync(string leadId, NewAppointment visit, CancellationToken cancellationToken)
    {
        var ends = visit.StartsAt.AddMinutes(visit.DurationMinutes);
        if (Visits.Any(v => v.CloserId == "u-casey" && v.Status == "scheduled" && v.StartsAt < ends && v.EndsAt > visit.StartsAt))
        {
            throw FakeRoutingApi.Problem(409, "Casey Closer already has a site visit from 2:00 PM to 3:00 PM.");
        }
        var booked = new Appointment($"a{Visits.Count + 1}", leadId, "Dana Seller", "prop1", "u-casey", "Casey Closer", visit.StartsAt, ends, visit.DurationMinutes,
            "1 Elm St, Seattle, WA 98101", "Dana Seller", "scheduled", visit.Notes);
        Visits.Add(booked);
        return Task.FromResult(booked);
    }

    public Task<IReadOnlyList<Appointment>> AppointmentsAsync(string? closerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        AppointmentQueries.Add((closerId, from, to));
        return Task.FromResult<IReadOnlyList<Appointment>>([.. Visits.Where(v => v.StartsAt >= from && v.StartsAt < to)]);
    }

    public Task<Appointment> UpdateAppointmentAsync(string id, AppointmentPatch patch, CancellationToken cancellationToken)
    {
        var index = Visits.FindIndex(v => v.Id == id);
        Visits[index] = Visits[index] with { Status = patch.Status ?? Visits[index].Status };
        return Task.FromResult(Visits[index]);
    }

    public Task<CalendarFeed> CalendarFeedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CalendarFeed($"https://api.example/calendar/u-casey/secret{FeedRotations}.ics"));

    public Task<CalendarFeed> RotateCalendarFeedAsync(CancellationToken cancellationToken)
    {
        FeedRotations++;
        return CalendarFeedAsync(cancellationToken);
    }

    public Task<MyDay> MyDayAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MyDay([.. Tasks.Where(t => t.Status == "open")], [.. Visits]));
}

/// <summary>An in-memory offers, deals and pipeline Api following the contract's transitions; MAO is what the test sets.</summary>
public sealed class FakeDealsApi : IDealsApi
{
    public PipelineBoard Board { get; set; } = new([]);
    public List<(string LeadId, string Stage)> Moves { get; } = [];
    public Func<string, string, ApiProblemException?> MoveRule { get; set; } = (_, _) => null;
    public List<Offer> Offers { get; } = [];
    public List<Deal> Deals { get; } = [];
    public List<double> ValuationFees { get; } = [];
    public List<NewOffer> CreatedOffers { get; } = [];
    public List<(string DealId, DealPatch Patch)> DealPatches { get; } = [];
    public int PipelineReads { get; private set; }

    public Task<OfferValuation> ValuationAsync(string propertyId, double wholesaleFee, CancellationToken cancellationToken)
    {
        ValuationFees.Add(wholesaleFee);
        return Task.FromResult(new OfferValuation(300_000, 40_000, wholesaleFee, 300_000 * 0.7 - 40_000 - wholesaleFee, 300_000 - (300_000 * 0.7 - 40_000 - wholesaleFee) - 40_000));
    }

    public Task<IReadOnlyList<Offer>> OffersAsync(string propertyId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Offer>>([.. Offers.Where(o => o.PropertyId == propertyId)]);

    public Task<Offer> CreateOfferAsync(string propertyId, NewOffer offer, CancellationToken cancellationToken)
    {
        CreatedOffers.Add(offer);
        var created = new Offer($"o{Offers.Count + 1}", propertyId, offer.LeadId, offer.Amount, offer.Terms, offer.ExpiresAt, "draft", null,
            [new OfferHistoryEntry(DateTimeOffset.UnixEpoch.AddMinutes(Offers.Count), "created", offer.Amount, "us", null, "u-casey")]);
        Offers.Add(created);
        return Task.FromResult(created);
    }

    public List<(string OfferId, string Action, string By)> Responses { get; } = [];

    public Task<Offer> SendOfferAsync(string offerId, CancellationToken cancellationToken) => MoveAsync(offerId, "send");

    public Task<Offer> RespondToOfferAsync(string offerId, string action, OfferResponse response, CancellationToken cancellationToken)
    {
        Responses.Add((offerId, action, response.By));
        return MoveAsync(offerId, action);
    }

    private Task<Offer> MoveAsync(string offerId, string action)
    {
        var index = Offers.FindIndex(o => o.Id == offerId);
        var offer = Offers[index];
        var next = (offer.Status, action) switch
        {
            ("draft", "send") => "sent",
            ("sent" or "countered", "accept") => "accepted",
            ("sent" or "countered", "reject") => "rejected",
            _ => throw FakeRoutingApi.Problem(409, $"An offer that is {offer.Status} cannot be {action}ed."),
        };
        Offers[index] = offer with { Status = next };
        return Task.FromResult(Offers[index]);
    }

    public Task<Offer> CounterOfferAsync(string offerId, CounterOffer counter, CancellationToken cancellationToken)
    {
        var index = Offers.FindIndex(o => o.Id == offerId);
        Offers[index] = Offers[index] with
        {
            Status = "countered", Amount = counter.Amount,
            History = [.. Offers[index].History ?? [], new OfferHistoryEntry(DateTimeOffset.UnixEpoch.AddHours(1), "countered", counter.Amount, counter.By, counter.Note, "u-casey")],
        };
        return Task.FromResult(Offers[index]);
    }

    public Task<Deal> CreateDealAsync(string offerId, NewDeal deal, CancellationToken cancellationToken)
    {
        var offer = Offers.Single(o => o.Id == offerId);
        if (offer.Status != "accepted") throw FakeRoutingApi.Problem(409, "Only an accepted offer becomes a deal.");
        var created = new Deal($"d{Deals.Count + 1}", offer.PropertyId, offerId, offer.LeadId, "c1", deal.ContractDate, deal.ExitStrategy, deal.AssignmentFee, deal.EndBuyer,
            deal.ExpectedClosingDate, null, null, "under_contract");
        Deals.Add(created);
        return Task.FromResult(created);
    }

    public Task<Deal> UpdateDealAsync(string dealId, DealPatch patch, CancellationToken cancellationToken)
    {
        DealPatches.Add((dealId, patch));
        var index = Deals.FindIndex(d => d.Id == dealId);
        Deals[index] = Deals[index] with { Status = patch.Status ?? Deals[index].Status, Revenue = patch.Revenue ?? Deals[index].Revenue, ActualClosingDate = patch.ActualClosingDate };
        return Task.FromResult(Deals[index]);
    }

    public List<(string? CampaignId, string? Status)> DealQueries { get; } = [];

    public Task<IReadOnlyList<Deal>> DealsAsync(string? campaignId, string? status, CancellationToken cancellationToken)
    {
        DealQueries.Add((campaignId, status));
        return Task.FromResult<IReadOnlyList<Deal>>([.. Deals.Where(d => (campaignId is null || d.CampaignId == campaignId) && (status is null || d.Status == status))]);
    }

    public Task<PipelineBoard> PipelineAsync(string? campaignId, bool mine, CancellationToken cancellationToken)
    {
        PipelineReads++;
        return Task.FromResult(Board);
    }

    public Task MoveStageAsync(string leadId, string stage, CancellationToken cancellationToken)
    {
        if (MoveRule(leadId, stage) is { } refusal) throw refusal;
        Moves.Add((leadId, stage));
        return Task.CompletedTask;
    }
}
