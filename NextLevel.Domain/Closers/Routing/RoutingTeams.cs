using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>Reads who can take a campaign's leads: the team's closers with their profiles and open leads, and the
/// people to alert (the team's campaign managers, or the admins when the team has none). [Singleton - ThreadSafe]</summary>
public sealed class RoutingTeams(IMongoDatabase database)
{
    /// <summary>Lead statuses that no longer count against a closer's open-lead cap.</summary>
    public static readonly LeadStatus[] ClosedStatuses = [LeadStatus.Converted, LeadStatus.Lost, LeadStatus.Dnc];

    private readonly IMongoCollection<CloserAccount> _accounts = database.GetCollection<CloserAccount>(CloserAccount.CollectionName);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);

    public async Task<IReadOnlyList<RoutingCandidate>> ClosersAsync(Campaign? campaign, CancellationToken cancellationToken)
    {
        if (campaign is null) return [];
        var ids = campaign.AssignedTo.Where(a => a.Role == TeamRole.Closer).Select(a => a.UserId).Distinct().ToList();
        if (ids.Count == 0) return [];
        var accounts = await _accounts.Find(Builders<CloserAccount>.Filter.In(a => a.Id, ids) & Builders<CloserAccount>.Filter.Ne(a => a.Disabled, true))
            .ToListAsync(cancellationToken);
        var open = await OpenLeadsAsync(accounts.Select(a => a.Id).ToList(), cancellationToken);
        return [.. accounts.Select(a => new RoutingCandidate(a.Id, a.DisplayName, a.Closer ?? new CloserProfile(), open.GetValueOrDefault(a.Id)))];
    }

    /// <summary>Open leads per closer: leads they claimed that are not converted, lost or DNC, plus leads offered to them now.</summary>
    public async Task<Dictionary<ObjectId, int>> OpenLeadsAsync(IReadOnlyCollection<ObjectId> userIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ObjectId, int>();
        if (userIds.Count == 0) return result;
        var ids = new BsonArray(userIds);
        var claimed = StoredEnum.Name(LeadRoutingState.Claimed);
        var match = new BsonDocument
        {
            { "status", new BsonDocument("$nin", new BsonArray(ClosedStatuses.Select(s => StoredEnum.Name(s)))) },
            { "$or", new BsonArray
                {
                    new BsonDocument { { "routing.state", claimed }, { "routing.claimedBy", new BsonDocument("$in", ids) } },
                    new BsonDocument { { "routing.state", StoredEnum.Name(LeadRoutingState.Offered) }, { "routing.offeredTo", new BsonDocument("$in", ids) } },
                }
            },
        };
        var pipeline = new[]
        {
            new BsonDocument("$match", match),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$cond", new BsonArray { new BsonDocument("$eq", new BsonArray { "$routing.state", claimed }), "$routing.claimedBy", "$routing.offeredTo" }) },
                { "count", new BsonDocument("$sum", 1) },
            }),
        };
        var rows = await _leads.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        foreach (var row in rows)
            if (row["_id"].IsObjectId) result[row["_id"].AsObjectId] = row["count"].ToInt32();
        return result;
    }

    /// <summary>Who is told about a pooled lead: the campaign's managers, else every enabled admin.</summary>
    public async Task<IReadOnlyList<CloserAccount>> ManagersAsync(Campaign? campaign, CancellationToken cancellationToken)
    {
        var ids = campaign?.AssignedTo.Where(a => a.Role == TeamRole.CampaignManager).Select(a => a.UserId).Distinct().ToList() ?? [];
        var enabled = Builders<CloserAccount>.Filter.Ne(a => a.Disabled, true);
        if (ids.Count > 0)
        {
            var managers = await _accounts.Find(Builders<CloserAccount>.Filter.In(a => a.Id, ids) & enabled).ToListAsync(cancellationToken);
            if (managers.Count > 0) return managers;
        }
        return await _accounts.Find(Builders<CloserAccount>.Filter.AnyEq(a => a.Roles, "admin") & enabled).ToListAsync(cancellationToken);
    }

    public async Task<Dictionary<ObjectId, string>> NamesAsync(IEnumerable<ObjectId> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var accounts = await _accounts.Find(Builders<CloserAccount>.Filter.In(a => a.Id, ids)).ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => a.DisplayName);
    }

    public async Task<CloserAccount?> AccountAsync(ObjectId userId, CancellationToken cancellationToken) =>
        await _accounts.Find(a => a.Id == userId).FirstOrDefaultAsync(cancellationToken);
}
