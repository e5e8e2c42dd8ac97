using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Intake;

/// <summary>The Api with intake secrets configured and the campaign cache off (each test sees the campaigns it inserts).</summary>
public sealed class IntakeFixture : ApiFixture
{
    public const string GoogleKey = "google-test-key";
    public const string ZillowSecret = "zillow-test-secret";
    public const string RealGeeksSecret = "realgeeks-test-secret";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Intake:GoogleAds:Key", GoogleKey),
        new("Intake:Zillow:Secret", ZillowSecret),
        new("Intake:RealGeeks:Secret", RealGeeksSecret),
        new("Intake:CampaignCacheSeconds", "0"),
        new("Webhooks:RateLimit:PerSecond", "100000"),
        new("Webhooks:RateLimit:Burst", "100000"),
    ];

    public static string RealGeeksSignature(string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RealGeeksSecret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Documents in each collection intake writes, to prove a refused request wrote nothing.</summary>
    public async Task<(long Leads, long Contacts, long Properties, long Consents)> CountsAsync()
    {
        async Task<long> Count(string name) => await Database.GetCollection<BsonDocument>(name).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        return (await Count(CollectionNames.Leads), await Count(CollectionNames.Contacts), await Count(CollectionNames.Properties), await Count(CollectionNames.ConsentLogs));
    }
}
