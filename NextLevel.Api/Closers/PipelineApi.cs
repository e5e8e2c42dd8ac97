using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Api.Leads;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Closers;

/// <summary>
/// The pipeline board: leads by stage (most recently changed first), for a campaign or the leads I claimed; and stage
/// moves, which go through the lead API's lifecycle-checked change (<see cref="LeadsApi.ChangeStatusAsync"/>).
/// </summary>
public static class PipelineApi
{
    public const int PerStage = 100;

    public static RouteGroupBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers: pipeline").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/pipeline", BoardAsync).WithName("PipelineBoard")
            .WithSummary($"Leads by stage (at most {PerStage} per stage, most recently changed first); campaignId and mine=true narrow it.");
        group.MapPost("/leads/{id}/stage", LeadsApi.ChangeStatusAsync).WithName("MoveLeadStage").Accepts<LeadStatusChange>("application/json")
            .WithSummary("Move a lead to a stage (body { stage }), as the lead lifecycle allows; 400 names the rule.");
        return group;
    }

    public static async Task<Results<Ok<PipelineBoard>, ValidationProblem>> BoardAsync(string? campaignId, bool? mine, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument();
        if (campaignId is not null)
        {
            if (!ObjectId.TryParse(campaignId, out var cid))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignId"] = ["Not a campaign id."] });
            filter["campaignId"] = cid;
        }
        if (mine == true)
        {
            // The claimer's id as the routing feature stores it (string or ObjectId).
            var me = StaffClaims.UserId(user) ?? "";
            var ids = new BsonArray { me };
            if (ObjectId.TryParse(me, out var oid)) ids.Add(oid);
            filter["routing.claimedBy"] = new BsonDocument("$in", ids);
        }
        var leads = services.Database.GetCollection<BsonDocument>(CollectionNames.Leads);
        var projection = new BsonDocument
        {
            { "contact.firstName", 1 }, { "contact.lastName", 1 }, { "qualification.score", 1 }, { "campaignName", 1 },
            { "routing.claimedBy", 1 }, { "propertyAddress", 1 }, { "updatedAt", 1 },
        };
        var stages = await Task.WhenAll(Enum.GetValues<LeadStage>().Select(async stage =>
        {
            var stageFilter = new BsonDocument(filter) { ["stage"] = StoredEnum.Name(stage) };
            var rows = await leads.Find(stageFilter).Project(projection).Sort(new BsonDocument("updatedAt", -1)).Limit(PerStage).ToListAsync(cancellationToken);
            return new PipelineStage(stage, [.. rows.Select(Row)]);
        }));
        return TypedResults.Ok(new PipelineBoard(stages));
    }

    private static PipelineLead Row(BsonDocument d)
    {
        var contact = d.GetValue("contact", new BsonDocument()).AsBsonDocument;
        var score = d.GetValue("qualification", BsonNull.Value) is BsonDocument q && q.GetValue("score", BsonNull.Value).IsNumeric ? q["score"].ToDouble() : (double?)null;
        var claimed = d.GetValue("routing", BsonNull.Value) is BsonDocument r && !r.GetValue("claimedBy", BsonNull.Value).IsBsonNull ? r["claimedBy"].ToString() : null;
        return new PipelineLead(d["_id"].AsObjectId, LeadNames.Of(Text(contact, "firstName"), Text(contact, "lastName")), score, Text(d, "campaignName"), claimed,
            Text(d, "propertyAddress"), d.GetValue("updatedAt", BsonNull.Value) is BsonDateTime at ? at.ToUniversalTime() : DateTime.MinValue);
    }

    private static string? Text(BsonDocument d, string name) => d.GetValue(name, BsonNull.Value) is BsonString s ? s.Value : null;
}
