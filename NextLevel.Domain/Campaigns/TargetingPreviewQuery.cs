using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Campaigns;

/// <summary>
/// How many open leads a campaign's targeting matches now, by the same rule intake uses to assign leads
/// (<see cref="CampaignMatcher"/>), whatever the campaign's own status and dates. The database narrows by the
/// criteria both agree on (<see cref="CampaignTargetingFilter.Coarse"/>); the matcher decides each remaining lead.
/// A lead's property type is not looked up, so like intake's unknown type it does not exclude.
/// </summary>
public sealed class TargetingPreviewQuery(IMongoDatabase database)
{
    public async Task<long> CountAsync(Campaign campaign, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        // Judged as if active and running now: the preview is about targeting, not about the schedule.
        var probe = new Campaign
        {
            Id = campaign.Id,
            Status = CampaignStatus.Active,
            Targeting = campaign.Targeting ?? new CampaignTargeting(),
            Schedule = new CampaignSchedule(),
        };
        var leads = database.GetCollection<Lead>(CollectionNames.Leads);
        var projection = Builders<Lead>.Projection
            .Include(l => l.Source).Include(l => l.Intent).Include(l => l.Contact.Address).Include(l => l.Qualification);
        var options = new FindOptions<Lead, Lead> { Projection = projection, BatchSize = 5000 };
        long count = 0;
        using var cursor = await leads.FindAsync(CampaignTargetingFilter.Coarse(probe.Targeting), options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var lead in cursor.Current)
            {
                var input = new CampaignMatchInput(lead.Source, lead.Intent?.Type, lead.Contact?.Address?.State, lead.Contact?.Address?.City,
                    lead.Contact?.Address?.ZipCode, null, lead.Qualification?.EstimatedValue, lead.Qualification?.Score ?? 0);
                if (CampaignMatcher.Matches(probe, input, now)) count++;
            }
        }
        return count;
    }
}
