using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>
/// Moves a lead between people: a request starts a round (offer to the next closer by <see cref="RoutingDecider"/>, or the
/// campaign's pool); an unclaimed offer expires to the next closer, then to the pool; a claim is one findOneAndUpdate whose
/// filter requires the offer (or the pool), so of two concurrent claims exactly one wins. Transitions other than claims
/// rewrite <c>leads.routing</c> only if it is still the version they read (retrying on a lost race), so two Api instances or
/// two Workers never both act on one step. [Singleton - ThreadSafe]
/// </summary>
public sealed class LeadRouter(IMongoDatabase database, RoutingTeams teams, TimeProvider time)
{
    /// <summary>Oldest history entries are dropped beyond this many.</summary>
    public const int HistoryLimit = 200;

    private const int Attempts = 4;

    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);

    /// <summary>A lead needs a person. Offered or claimed leads only note the request; others start a new round.</summary>
    public async Task<RoutingOutcome> RequestAsync(ObjectId leadId, string reason, ObjectId? requestedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
            if (lead is null) return RoutingOutcome.NotFound();
            var now = Now();
            var current = lead.Routing;
            var requested = Entry(now, RoutingAction.Requested, requestedBy, reason);
            if (current is { State: LeadRoutingState.Offered or LeadRoutingState.Claimed })
            {
                var noted = Copy(current);
                Append(noted, requested);
                if (await ReplaceIfUnchangedAsync(lead.Id, current, noted, cancellationToken)) return RoutingOutcome.Done(noted);
                continue;
            }

            var next = Copy(current ?? new LeadRouting());
            next.RequestedAt = now;
            next.Offers = 0;
            next.OfferedUserIds = requestedBy is { } self && reason.StartsWith(ReleasedPrefix, StringComparison.Ordinal) ? [self] : [];
            next.ClaimedBy = null;
            next.ClaimedAt = null;
            next.PooledAt = null;
            next.FirstHumanContactAt = null;
            Append(next, requested);
            var campaign = await CampaignAsync(lead.CampaignId, cancellationToken);
            var cursor = await RouteAsync(next, campaign, now, cancellationToken);
            if (await ReplaceIfUnchangedAsync(lead.Id, current, next, cancellationToken))
            {
                await AdvanceCursorAsync(campaign, cursor, cancellationToken);
                return RoutingOutcome.Done(next);
            }
        }
        return RoutingOutcome.Conflict("The lead's routing kept changing; try again.");
    }

    /// <summary>Claims an offered or pooled lead. The offered closer may claim within the window; anyone on the campaign's
    /// team may claim a pooled lead; managers may claim either.</summary>
    public async Task<RoutingOutcome> ClaimAsync(ObjectId leadId, ObjectId userId, bool isManager, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return RoutingOutcome.NotFound();
        var campaign = await CampaignAsync(lead.CampaignId, cancellationToken);
        var onTeam = campaign?.AssignedTo.Any(a => a.UserId == userId) == true;
        var now = Now();
        var account = await teams.AccountAsync(userId, cancellationToken);
        var name = account?.DisplayName ?? userId.ToString();

        var f = Builders<Lead>.Filter;
        var offeredToMe = f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Offered)) & f.Eq("routing.offeredTo", userId) & f.Gt("routing.claimDeadline", now);
        var claimable = offeredToMe;
        if (isManager || onTeam) claimable |= f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Pool));
        if (isManager) claimable |= f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Offered));

        var reason = lead.Routing switch
        {
            { State: LeadRoutingState.Pool } => $"claimed by {name} from the pool",
            { State: LeadRoutingState.Offered, OfferedTo: var to } when to == userId => $"claimed by {name} within the claim window",
            _ => $"claimed by {name} (manager)",
        };
        var update = Builders<Lead>.Update
            .Set("routing.state", StoredEnum.Name(LeadRoutingState.Claimed))
            .Set("routing.claimedBy", userId)
            .Set("routing.claimedAt", now)
            .Set("routing.claimDeadline", BsonNull.Value)
            .Set("routing.managerAlertPending", false)
            .PushEach("routing.history", [Entry(now, RoutingAction.Claimed, userId, reason)], slice: -HistoryLimit)
            .Set(l => l.AssignedAt, now)
            .Set(l => l.UpdatedAt, now);
        var claimed = await _leads.FindOneAndUpdateAsync(f.Eq(l => l.Id, leadId) & claimable, update,
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (claimed?.Routing is { } routing) return RoutingOutcome.Done(routing);

        var fresh = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        return fresh is null ? RoutingOutcome.NotFound() : RoutingOutcome.Conflict(WhyNotClaimable(fresh.Routing, userId, onTeam, isManager, now));
    }

    /// <summary>The claimer (or a manager) gives the lead back; it is routed again, not to the one who released it.</summary>
    public async Task<RoutingOutcome> ReleaseAsync(ObjectId leadId, ObjectId userId, bool isManager, CancellationToken cancellationToken)
    {
        var f = Builders<Lead>.Filter;
        var filter = f.Eq(l => l.Id, leadId) & f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Claimed));
        if (!isManager) filter &= f.Eq("routing.claimedBy", userId);
        var now = Now();
        var account = await teams.AccountAsync(userId, cancellationToken);
        var released = await _leads.FindOneAndUpdateAsync(filter,
            Builders<Lead>.Update
                .Set("routing.state", StoredEnum.Name(LeadRoutingState.None))
                .Set("routing.claimedBy", BsonNull.Value)
                .Set("routing.claimedAt", BsonNull.Value)
                .PushEach("routing.history", [Entry(now, RoutingAction.Released, userId, $"released by {account?.DisplayName ?? userId.ToString()}")], slice: -HistoryLimit)
                .Set(l => l.UpdatedAt, now),
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.Before }, cancellationToken);
        if (released is null)
        {
            var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
            if (lead is null) return RoutingOutcome.NotFound();
            return lead.Routing?.State == LeadRoutingState.Claimed
                ? RoutingOutcome.Forbidden("Only the closer who claimed the lead or a manager may release it.")
                : RoutingOutcome.Conflict("The lead is not claimed.");
        }
        var previousOwner = released.Routing?.ClaimedBy ?? userId;
        return await RequestAsync(leadId, ReleasedPrefix + "routed again", previousOwner, cancellationToken);
    }

    /// <summary>Moves an offer whose claim window has passed to the next closer, or to the pool; false when another
    /// instance already did (or the lead was claimed meanwhile). Returns the routing after the step.</summary>
    public async Task<LeadRouting?> ExpireAsync(ObjectId leadId, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        var now = Now();
        if (lead?.Routing is not { State: LeadRoutingState.Offered, ClaimDeadline: { } deadline } current || deadline > now) return null;
        var campaign = await CampaignAsync(lead.CampaignId, cancellationToken);
        var next = Copy(current);
        var names = await teams.NamesAsync(current.OfferedTo is { } to ? [to] : [], cancellationToken);
        var who = current.OfferedTo is { } o && names.TryGetValue(o, out var n) ? n : "the closer";
        var window = current.OfferedAt is { } at ? deadline - at : TimeSpan.Zero;
        Append(next, Entry(now, RoutingAction.Expired, current.OfferedTo, $"{who} did not claim within {Describe(window)}"));
        var cursor = await RouteAsync(next, campaign, now, cancellationToken);
        if (!await ReplaceIfUnchangedAsync(lead.Id, current, next, cancellationToken)) return null;
        await AdvanceCursorAsync(campaign, cursor, cancellationToken);
        return next;
    }

    /// <summary>Takes the pending manager alert of a pooled lead (once across instances); the lead and its campaign, or null.</summary>
    public async Task<Lead?> TakeManagerAlertAsync(ObjectId leadId, string reason, CancellationToken cancellationToken)
    {
        var now = Now();
        var f = Builders<Lead>.Filter;
        return await _leads.FindOneAndUpdateAsync(
            f.Eq(l => l.Id, leadId) & f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Pool)) & f.Eq("routing.managerAlertPending", true),
            Builders<Lead>.Update
                .Set("routing.managerAlertPending", false)
                .PushEach("routing.history", [Entry(now, RoutingAction.ManagerAlerted, null, reason)], slice: -HistoryLimit),
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.After }, cancellationToken);
    }

    /// <summary>Puts an alert back when it could not be sent, so the next round retries it.</summary>
    public async Task RestoreManagerAlertAsync(ObjectId leadId, CancellationToken cancellationToken)
    {
        var f = Builders<Lead>.Filter;
        await _leads.UpdateOneAsync(f.Eq(l => l.Id, leadId) & f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Pool)),
            Builders<Lead>.Update.Set("routing.managerAlertPending", true)
                .PushEach("routing.history", [Entry(Now(), RoutingAction.ManagerAlerted, null, "alert e-mail failed; retrying")], slice: -HistoryLimit),
            cancellationToken: cancellationToken);
    }

    /// <summary>Records the first time a person reached the lead after it needed one (kept if already set).</summary>
    public async Task<RoutingOutcome> RecordFirstHumanContactAsync(ObjectId leadId, ObjectId userId, CancellationToken cancellationToken)
    {
        var now = Now();
        var f = Builders<Lead>.Filter;
        var account = await teams.AccountAsync(userId, cancellationToken);
        var updated = await _leads.FindOneAndUpdateAsync(
            f.Eq(l => l.Id, leadId) & f.Eq("routing.state", StoredEnum.Name(LeadRoutingState.Claimed)) & f.Eq("routing.firstHumanContactAt", BsonNull.Value),
            Builders<Lead>.Update.Set("routing.firstHumanContactAt", now)
                .PushEach("routing.history", [Entry(now, RoutingAction.FirstHumanContact, userId, $"first human contact by {account?.DisplayName ?? userId.ToString()}")], slice: -HistoryLimit),
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (updated?.Routing is { } routing) return RoutingOutcome.Done(routing);
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return RoutingOutcome.NotFound();
        return lead.Routing is { State: LeadRoutingState.Claimed, FirstHumanContactAt: not null } existing
            ? RoutingOutcome.Done(existing)
            : RoutingOutcome.Conflict("Only a claimed lead records a first human contact.");
    }

    internal const string ReleasedPrefix = "released: ";

    /// <summary>Offers to the next eligible closer, or pools the lead (maxOffers reached, or nobody can take it now).
    /// Returns the rotation's next position after an offer.</summary>
    private async Task<long?> RouteAsync(LeadRouting next, Campaign? campaign, DateTime now, CancellationToken cancellationToken)
    {
        var rules = campaign?.Routing ?? new CampaignRouting();
        var maxOffers = Math.Clamp(rules.MaxOffers, 1, CampaignRouting.MaxMaxOffers);
        string? poolReason = null;
        if (campaign is null) poolReason = "the lead has no campaign, so no team";
        else if (next.Offers >= maxOffers) poolReason = $"offered to {next.Offers} closer(s), none claimed";
        else
        {
            var team = await teams.ClosersAsync(campaign, cancellationToken);
            var decision = RoutingDecider.Decide(rules, team, next.OfferedUserIds, now);
            if (decision.Chosen is { } chosen)
            {
                var window = TimeSpan.FromSeconds(Math.Clamp(rules.ClaimWindowSeconds, CampaignRouting.MinClaimWindowSeconds, CampaignRouting.MaxClaimWindowSeconds));
                next.State = LeadRoutingState.Offered;
                next.OfferedTo = chosen.UserId;
                next.OfferedAt = now;
                next.ClaimDeadline = now + window;
                next.Offers++;
                next.OfferedUserIds.Add(chosen.UserId);
                next.ManagerAlertPending = false;
                Append(next, Entry(now, RoutingAction.Offered, chosen.UserId, decision.Reason + $"; claim within {Describe(window)}"));
                return decision.NextCursor;
            }
            poolReason = decision.Reason;
        }
        next.State = LeadRoutingState.Pool;
        next.OfferedTo = null;
        next.OfferedAt = null;
        next.ClaimDeadline = null;
        next.PooledAt = now;
        next.ManagerAlertPending = true;
        Append(next, Entry(now, RoutingAction.Pooled, null, $"to the campaign's pool: {poolReason}"));
        return null;
    }

    private async Task AdvanceCursorAsync(Campaign? campaign, long? next, CancellationToken cancellationToken)
    {
        if (campaign is null || next is not { } cursor) return;
        var f = Builders<Campaign>.Filter;
        var withRules = await _campaigns.UpdateOneAsync(f.Eq(c => c.Id, campaign.Id) & f.Type("routing", BsonType.Document),
            Builders<Campaign>.Update.Max("routing.rotationCursor", cursor), cancellationToken: cancellationToken);
        if (withRules.MatchedCount > 0) return;
        var defaults = new CampaignRouting { RotationCursor = cursor };
        await _campaigns.UpdateOneAsync(f.Eq(c => c.Id, campaign.Id) & f.Eq("routing", BsonNull.Value),
            Builders<Campaign>.Update.Set(c => c.Routing, defaults), cancellationToken: cancellationToken);
    }

    private async Task<bool> ReplaceIfUnchangedAsync(ObjectId leadId, LeadRouting? read, LeadRouting next, CancellationToken cancellationToken)
    {
        var f = Builders<Lead>.Filter;
        var filter = f.Eq(l => l.Id, leadId) & Unchanged(read);
        var result = await _leads.UpdateOneAsync(filter,
            Builders<Lead>.Update.Set(l => l.Routing, next).Set(l => l.UpdatedAt, Now()), cancellationToken: cancellationToken);
        return result.ModifiedCount > 0;
    }

    /// <summary>Matches the routing sub-document only while it is the version read: same state, offer, round and history length.</summary>
    private static FilterDefinition<Lead> Unchanged(LeadRouting? read)
    {
        var f = Builders<Lead>.Filter;
        if (read is null) return f.Eq("routing", BsonNull.Value);
        return f.Eq("routing.state", StoredEnum.Name(read.State))
            & f.Eq("routing.offers", read.Offers)
            & f.Eq<BsonValue>("routing.offeredTo", read.OfferedTo is { } to ? to : BsonNull.Value)
            & f.Eq<BsonValue>("routing.requestedAt", read.RequestedAt is { } r ? r : BsonNull.Value)
            & f.Eq<BsonValue>("routing.claimDeadline", read.ClaimDeadline is { } d ? d : BsonNull.Value)
            & f.Size("routing.history", read.History.Count);
    }

    private static string WhyNotClaimable(LeadRouting? routing, ObjectId userId, bool onTeam, bool isManager, DateTime now) => routing switch
    {
        null or { State: LeadRoutingState.None } => "The lead is not waiting for a closer.",
        { State: LeadRoutingState.Claimed, ClaimedBy: var by } when by == userId => "You already claimed this lead.",
        { State: LeadRoutingState.Claimed } => "The lead is already claimed.",
        { State: LeadRoutingState.Offered, OfferedTo: var to, ClaimDeadline: var deadline } when to == userId && deadline <= now => "The claim window has passed.",
        { State: LeadRoutingState.Offered } => "The lead is offered to someone else.",
        { State: LeadRoutingState.Pool } when !onTeam && !isManager => "Only the campaign's team may claim a pooled lead.",
        _ => "The lead changed meanwhile; reload it.",
    };

    private async Task<Campaign?> CampaignAsync(ObjectId? campaignId, CancellationToken cancellationToken) =>
        campaignId is { } id ? await _campaigns.Find(c => c.Id == id).FirstOrDefaultAsync(cancellationToken) : null;

    private DateTime Now() => TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);

    /// <summary>BSON dates keep milliseconds; values compared against stored ones must too.</summary>
    private static DateTime TruncateToMilliseconds(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static RoutingHistoryEntry Entry(DateTime at, RoutingAction action, ObjectId? userId, string reason) =>
        new() { At = at, Action = action, UserId = userId, Reason = reason.Length > 500 ? reason[..500] : reason };

    private static void Append(LeadRouting routing, RoutingHistoryEntry entry)
    {
        routing.History.Add(entry);
        if (routing.History.Count > HistoryLimit) routing.History.RemoveRange(0, routing.History.Count - HistoryLimit);
    }

    private static LeadRouting Copy(LeadRouting source) => new()
    {
        State = source.State, OfferedTo = source.OfferedTo, OfferedAt = source.OfferedAt, ClaimDeadline = source.ClaimDeadline,
        ClaimedBy = source.ClaimedBy, ClaimedAt = source.ClaimedAt, RequestedAt = source.RequestedAt, PooledAt = source.PooledAt,
        FirstHumanContactAt = source.FirstHumanContactAt, Offers = source.Offers, OfferedUserIds = [.. source.OfferedUserIds],
        ManagerAlertPending = source.ManagerAlertPending, History = [.. source.History],
    };

    public static string Describe(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds} s"
        : span.TotalSeconds % 60 == 0 ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalMinutes} min {span.Seconds} s";
}
