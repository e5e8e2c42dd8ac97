using System.Security.Claims;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Closers;

/// <summary>What the routing and closer handlers use.</summary>
public sealed class RoutingServices(IMongoDatabase database, LeadRouter router, RoutingTeams teams, CloserMetricsQuery metrics, OfferToDealQuery offerToDeal, TimeProvider clock, ILogger<RoutingServices> logger)
{
    public IMongoCollection<Lead> Leads { get; } = database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<Campaign> Campaigns { get; } = database.GetCollection<Campaign>(CollectionNames.Campaigns);

    public IMongoCollection<CloserAccount> Accounts { get; } = database.GetCollection<CloserAccount>(CloserAccount.CollectionName);

    public LeadRouter Router => router;

    public RoutingTeams Teams => teams;

    public CloserMetricsQuery Metrics => metrics;

    public OfferToDealQuery OfferToDeal => offerToDeal;

    public TimeProvider Clock => clock;

    public ILogger Logger => logger;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ObjectId? UserId(ClaimsPrincipal user) => ObjectId.TryParse(StaffClaims.UserId(user), out var id) ? id : null;

    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.CampaignManager);

    public async Task<RoutingStateDto> DescribeAsync(LeadRouting? routing, CancellationToken cancellationToken) =>
        RoutingStateDto.From(routing, await teams.NamesAsync(RoutingStateDto.UserIds(routing), cancellationToken));
}

internal static partial class RoutingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} routing: {Action} by {UserId}")]
    public static partial void Step(ILogger logger, ObjectId leadId, string action, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} routing rules changed by {UserId}")]
    public static partial void RulesChanged(ILogger logger, ObjectId campaignId, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closer profile of {UserId} changed by {ActorId}")]
    public static partial void ProfileChanged(ILogger logger, ObjectId userId, string? actorId);
}
