using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Api.Seeding;

/// <summary>
/// The demo team every open seeded campaign routes to: a campaign manager and four closers whose daily shifts, each in
/// the closer's own time zone, together cover all 24 hours (with or without daylight saving time), so a lead that needs
/// a person reaches an on-shift closer at any hour. Sign-in is documented in docs/closers.md: the accounts get one
/// password generated per seed run (the seed command prints it); accounts that already exist (same e-mail) are reused,
/// never overwritten.
/// </summary>
internal static class DemoClosers
{
    public static readonly IReadOnlyList<string> Emails = ["morgan.manager@demo.nextlevel.local", "dana.closer@demo.nextlevel.local",
        "luis.closer@demo.nextlevel.local", "mei.closer@demo.nextlevel.local", "ava.closer@demo.nextlevel.local"];

    /// <summary>A fresh password for the demo accounts: 24 random base64url characters.</summary>
    public static string NewPassword() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));

    private static readonly string[] EveryDay = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    // UTC coverage, standard time / daylight time: Mei 05–14 / 05–14, Ava 08–17 / 07–16, Dana 12–21 / 11–20, Luis 21–06 / 20–05.
    private static readonly (string Email, string Name, string TimeZone, string Start, string End, int Weight)[] Closers =
    [
        ("dana.closer@demo.nextlevel.local", "Dana Whitaker", "America/New_York", "07:00", "16:00", 2),
        ("luis.closer@demo.nextlevel.local", "Luis Romero", "America/Los_Angeles", "13:00", "22:00", 1),
        ("mei.closer@demo.nextlevel.local", "Mei Santos", "Asia/Manila", "13:00", "22:00", 1),
        ("ava.closer@demo.nextlevel.local", "Ava Brooks", "Europe/London", "08:00", "17:00", 1),
    ];

    private static string ManagerEmail => Emails[0];

    public static async Task<List<TeamAssignment>> EnsureTeamAsync(IMongoDatabase database, string password, CancellationToken cancellationToken)
    {
        var store = new StaffUserStore(database, TimeProvider.System);
        var accounts = database.GetCollection<CloserAccount>(CloserAccount.CollectionName);
        var team = new List<TeamAssignment>
        {
            new() { UserId = await EnsureUserAsync(store, ManagerEmail, "Morgan Hale", StaffRoles.CampaignManager, "America/Chicago", password, cancellationToken), Role = TeamRole.CampaignManager },
        };
        foreach (var closer in Closers)
        {
            var id = await EnsureUserAsync(store, closer.Email, closer.Name, StaffRoles.Closer, closer.TimeZone, password, cancellationToken);
            var profile = new CloserProfile
            {
                TimeZone = closer.TimeZone, OpenLeadCap = CloserProfile.DefaultOpenLeadCap, Weight = closer.Weight,
                Shift = new CloserShift { Days = [.. EveryDay], Start = closer.Start, End = closer.End },
            };
            await accounts.UpdateOneAsync(
                Builders<CloserAccount>.Filter.Eq(a => a.Id, id) & Builders<CloserAccount>.Filter.Eq("closer", BsonNull.Value),
                Builders<CloserAccount>.Update.Set(a => a.Closer, profile), cancellationToken: cancellationToken);
            team.Add(new TeamAssignment { UserId = id, Role = TeamRole.Closer });
        }
        return team;
    }

    private static async Task<ObjectId> EnsureUserAsync(StaffUserStore store, string email, string name, string role, string timeZone, string password, CancellationToken cancellationToken)
    {
        var user = await store.FindByEmailAsync(email, cancellationToken)
            ?? await store.CreateAsync(email, name, [role], password, timeZone, cancellationToken)
            ?? await store.FindByEmailAsync(email, cancellationToken);
        return user?.Id ?? throw new InvalidOperationException("A demo staff account could not be created.");
    }
}
