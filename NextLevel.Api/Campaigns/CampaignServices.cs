using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Campaigns;

/// <summary>What the campaign handlers use; the business name the opening script must contain comes from Business:Name.</summary>
public sealed class CampaignServices(IMongoDatabase database, TimeProvider clock, IConfiguration configuration, ILogger<CampaignServices> logger)
{
    public IMongoDatabase Database => database;

    public IMongoCollection<Campaign> Campaigns { get; } = database.GetCollection<Campaign>(CollectionNames.Campaigns);

    public TimeProvider Clock => clock;

    public string BusinessName { get; } = configuration["Business:Name"] is { Length: > 0 } name ? name : CampaignValidation.DefaultBusinessName;

    public ILogger Logger => logger;
}

internal static partial class CampaignsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} {Action} by {UserId}")]
    public static partial void Changed(ILogger logger, MongoDB.Bson.ObjectId campaignId, string action, string? userId);
}
