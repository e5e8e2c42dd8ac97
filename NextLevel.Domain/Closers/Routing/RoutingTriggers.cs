using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>When a lead needs a person: the AI call qualified it or it asked for a call-back or a site visit, or it replied
/// by text or e-mail. Each trigger asks <see cref="LeadRouter"/> once, with a reason for the history. [Singleton - ThreadSafe]</summary>
public sealed class RoutingTriggers(IMongoDatabase database, LeadRouter router)
{
    /// <summary>Leads reached per inbound reply, at most.</summary>
    public const int MaxLeadsPerReply = 20;

    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);

    /// <summary>Why a call's outcome needs a person, or null when it does not.</summary>
    public static string? ReasonForCall(CallOutcome? outcome, bool siteVisitAsked) => (outcome, siteVisitAsked) switch
    {
        (_, true) => "the AI call ended with a site-visit request",
        (CallOutcome.Qualified, _) => "the AI call qualified the lead",
        (CallOutcome.Callback, _) => "the lead asked for a call-back on the AI call",
        _ => null,
    };

    public async Task AfterCallAsync(Lead lead, CallOutcome? outcome, bool siteVisitAsked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (ReasonForCall(outcome, siteVisitAsked) is { } reason) await router.RequestAsync(lead.Id, reason, null, cancellationToken);
    }

    /// <summary>A reply that is not an opt-out, from a phone number (SMS) or an e-mail address: routes each open lead with it.</summary>
    public async Task<int> AfterReplyAsync(string? phone, string? email, string channel, CancellationToken cancellationToken)
    {
        var f = Builders<Lead>.Filter;
        FilterDefinition<Lead>? who = null;
        if (!string.IsNullOrEmpty(phone)) who = f.Eq(l => l.Contact.Phone, phone);
        else if (!string.IsNullOrEmpty(email)) who = f.Eq(l => l.Contact.Email, email.Trim().ToLowerInvariant());
        if (who is null) return 0;
        var ids = await _leads.Find(who & f.Nin(l => l.Status, RoutingTeams.ClosedStatuses))
            .SortByDescending(l => l.ReceivedAt).Limit(MaxLeadsPerReply).Project(l => l.Id).ToListAsync(cancellationToken);
        foreach (var id in ids) await router.RequestAsync(id, $"the lead replied by {channel}", null, cancellationToken);
        return ids.Count;
    }
}
