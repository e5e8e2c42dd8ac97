using System.Text;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Services.Routing;

/// <summary>What one routing round did.</summary>
public sealed record RoutingSweepResult(int Expired, int Reoffered, int Pooled, int Alerted);

/// <summary>
/// One round of the routing loop: offers whose claim window has passed go to the next closer or to the campaign's pool
/// (<see cref="LeadRouter.ExpireAsync"/>), and the managers of each newly pooled lead are e-mailed once
/// (<see cref="LeadRouter.TakeManagerAlertAsync"/>). Every step is a conditional update, so two Workers never do the same
/// step twice. Logs carry ids only. [Singleton - ThreadSafe]
/// </summary>
public sealed partial class RoutingSweep(IMongoDatabase database, LeadRouter router, RoutingTeams teams, IEmailChannel email,
    IOptions<RoutingOptions> options, TimeProvider time, ILogger<RoutingSweep> logger)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);

    public async Task<RoutingSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        int expired = 0, reoffered = 0, pooled = 0, alerted = 0;
        var now = time.GetUtcNow().UtcDateTime;
        var due = await _leads.Find(new BsonDocument
            {
                { "routing.state", StoredEnum.Name(LeadRoutingState.Offered) },
                { "routing.claimDeadline", new BsonDocument("$lte", now) },
            })
            .Sort(new BsonDocument("routing.claimDeadline", 1)).Limit(options.Value.BatchSize).Project(l => l.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            var after = await router.ExpireAsync(id, cancellationToken);
            if (after is null) continue;
            expired++;
            if (after.State == LeadRoutingState.Pool) pooled++;
            else reoffered++;
            LogExpired(id, StoredEnum.Name(after.State));
        }

        var pending = await _leads.Find(new BsonDocument
            {
                { "routing.state", StoredEnum.Name(LeadRoutingState.Pool) },
                { "routing.managerAlertPending", true },
            })
            .Limit(options.Value.BatchSize).ToListAsync(cancellationToken);
        foreach (var lead in pending)
            if (await AlertAsync(lead, cancellationToken)) alerted++;
        return new RoutingSweepResult(expired, reoffered, pooled, alerted);
    }

    private async Task<bool> AlertAsync(Lead lead, CancellationToken cancellationToken)
    {
        var campaign = lead.CampaignId is { } cid ? await _campaigns.Find(c => c.Id == cid).FirstOrDefaultAsync(cancellationToken) : null;
        var managers = (await teams.ManagersAsync(campaign, cancellationToken)).Where(m => !string.IsNullOrWhiteSpace(m.Email)).ToList();
        var reason = managers.Count == 0
            ? "no campaign manager or admin with an e-mail address to alert"
            : $"e-mailed {string.Join(", ", managers.Select(m => m.DisplayName))}: the lead is waiting in the pool";
        var taken = await router.TakeManagerAlertAsync(lead.Id, reason, cancellationToken);
        if (taken is null) return false;
        try
        {
            foreach (var manager in managers)
                await email.SendEmailAsync(new EmailRequest(lead.Id.ToString(), manager.Email, Subject(campaign), Body(lead, campaign), null), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAlertFailed(ex, lead.Id);
            await router.RestoreManagerAlertAsync(lead.Id, cancellationToken);
            return false;
        }
        LogAlerted(lead.Id, managers.Count);
        return true;
    }

    private static string Subject(Campaign? campaign) => $"Lead waiting in the pool: {campaign?.Name ?? "no campaign"}";

    private string Body(Lead lead, Campaign? campaign)
    {
        var text = new StringBuilder();
        text.AppendLine($"A lead of the campaign \"{campaign?.Name ?? "(none)"}\" was not claimed and is in the campaign's shared pool.");
        if (lead.Routing?.History.LastOrDefault(h => h.Action == RoutingAction.Pooled) is { } pooled) text.AppendLine($"Why: {pooled.Reason}");
        text.AppendLine($"Lead id: {lead.Id}");
        if (options.Value.WebBaseUrl is { Length: > 0 } web) text.AppendLine($"Open it: {web.TrimEnd('/')}/leads/{lead.Id}");
        text.AppendLine("Anyone on the campaign's team may claim it from the pool.");
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim window of lead {LeadId} passed; now {State}")]
    private partial void LogExpired(ObjectId leadId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pooled lead {LeadId}: {Count} manager(s) alerted")]
    private partial void LogAlerted(ObjectId leadId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert e-mail for pooled lead {LeadId} failed; the next round retries")]
    private partial void LogAlertFailed(Exception ex, ObjectId leadId);
}
