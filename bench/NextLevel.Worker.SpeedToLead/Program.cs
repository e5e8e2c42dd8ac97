using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.SpeedToLead;

// Speed to lead: leads posted to the Api (Google Ads webhook, with written consent) at a fixed rate inside calling
// hours; for each, the time from posting until its first call was handed to the provider (the simulator), as the
// Worker records it in calls.initiatedAt. Usage: dotnet run -c Release --project bench/NextLevel.Worker.SpeedToLead
//   -- [--leads 2000] [--rate 200] [--configuration Release] [--root <repository whose build outputs to run>]
// Also prints the CPU time the engine, the Api and the Worker used during the run, per lead.
var leads = Arg("--leads", 2000);
var rate = Arg("--rate", 200);
var configuration = args.SkipWhile(a => a != "--configuration").Skip(1).FirstOrDefault() ?? "Release";
var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() is { } given ? Path.GetFullPath(given) : FindRoot();
const string googleKey = "speed-to-lead-key";
const string consentText = "I agree to receive calls and texts from Next Level Real Estate about my property at the number I gave. Consent is not a condition of purchase.";

var open = Places().Where(p => LocalHour(p.Zone) is >= 9 and < 20).ToList();
if (open.Count == 0) throw new InvalidOperationException("No test area code is inside calling hours right now.");
var place = open[0];
Console.WriteLine($"Callee zone {place.Zone} (local {TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(place.Zone)):HH:mm}); {leads} leads at {rate}/s; build {configuration}");

await using var system = await LocalSystem.StartAsync(root, configuration, googleKey);
DomainMongoMappings.Register();
var database = new MongoClient(system.MongoUrl).GetDatabase(CollectionNames.Database);
await SeedAsync(database, place.Zone);

var cpuAtStart = system.CpuTimes();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = system.ApiUrl, Timeout = TimeSpan.FromSeconds(30) };
var runId = Guid.NewGuid().ToString("N")[..8];
var sentAt = new ConcurrentDictionary<string, DateTimeOffset>();
var failures = 0;
var interval = TimeSpan.FromSeconds(1.0 / rate);
var clock = Stopwatch.StartNew();
var inFlight = new List<Task>(leads);
for (var i = 0; i < leads; i++)
{
    var due = interval * i;
    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
    var externalId = $"{runId}-{i}";
    var body = Payload(externalId, $"+1{place.AreaCode}{2 + i / 1_000_000 % 8}{i % 1_000_000:D6}", place.State);
    inFlight.Add(Task.Run(async () =>
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var started = DateTimeOffset.UtcNow;
        try
        {
            using var response = await http.PostAsync("/webhooks/leads/google-ads", content);
            if ((int)response.StatusCode == 201) sentAt[externalId] = started;
            else Interlocked.Increment(ref failures);
        }
        catch (HttpRequestException) { Interlocked.Increment(ref failures); }
    }));
}
await Task.WhenAll(inFlight);
var postingSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"Posted {leads} leads in {postingSeconds:F1} s ({leads / postingSeconds:F0}/s); {failures} not accepted");
var cpuPosted = system.CpuTimes().Zip(cpuAtStart, (now, then) => $"{now.Name} {(now.Cpu - then.Cpu).TotalSeconds:F1} s");
Console.WriteLine($"CPU while posting: {string.Join(", ", cpuPosted)}");

var leadIds = new Dictionary<ObjectId, string>();
var calls = new Dictionary<ObjectId, DateTime>();
var deadline = DateTime.UtcNow.AddSeconds(120);
while (DateTime.UtcNow < deadline)
{
    foreach (var lead in await database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.ExternalId.StartsWith(runId)).Project(l => new { l.Id, l.ExternalId }).ToListAsync())
        leadIds[lead.Id] = lead.ExternalId;
    var found = await database.GetCollection<Call>(CollectionNames.Calls).Aggregate()
        .Group(c => c.LeadId, g => new { LeadId = g.Key, First = g.Min(c => c.InitiatedAt) }).ToListAsync();
    calls = found.ToDictionary(f => f.LeadId, f => f.First);
    if (calls.Count >= sentAt.Count) break;
    await Task.Delay(500);
}

var latencies = calls.Where(c => leadIds.ContainsKey(c.Key) && sentAt.ContainsKey(leadIds[c.Key]))
    .Select(c => (new DateTimeOffset(DateTime.SpecifyKind(c.Value, DateTimeKind.Utc)) - sentAt[leadIds[c.Key]]).TotalMilliseconds)
    .Order().ToArray();
Console.WriteLine($"First calls handed to the provider: {latencies.Length} of {sentAt.Count} accepted leads");
if (calls.Count < leadIds.Count)
{
    // Why some leads got no call: the end of their sequence or the last hold, as the Worker recorded it.
    var without = await database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.ExternalId.StartsWith(runId)).ToListAsync();
    foreach (var group in without.Where(l => !calls.ContainsKey(l.Id))
                 .GroupBy(l => l.FollowUp?.EndedReason ?? (l.FollowUp?.LastHold is { } hold ? "held: " + string.Join(',', hold.Reasons) : l.FollowUp?.LeaseOwner is not null ? "claimed, lease held" : "not claimed")))
        Console.WriteLine($"  no call: {group.Count()} lead(s) — {group.Key}");
}
var cpu = system.CpuTimes().Zip(cpuAtStart, (now, then) => (now.Name, Seconds: (now.Cpu - then.Cpu).TotalSeconds)).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU during the run: {string.Join(", ", cpu.Select(c => $"{c.Name} {c.Seconds:F1} s ({1000 * c.Seconds / Math.Max(1, sentAt.Count):F1} ms/lead)"))}; total {cpu.Sum(c => c.Seconds):F1} s"));
if (calls.Count > 0 && !sentAt.IsEmpty)
{
    var lastHandOff = new DateTimeOffset(DateTime.SpecifyKind(calls.Values.Max(), DateTimeKind.Utc));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hand-offs: {calls.Count / Math.Max(0.001, (lastHandOff - sentAt.Values.Min()).TotalSeconds):F0}/s from the first post to the last hand-off"));
}
if (latencies.Length == 0) return 1;
double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"post → hand-off ms: p50 {P(0.50):F0}, p90 {P(0.90):F0}, p99 {P(0.99):F0}, max {latencies[^1]:F0} (target p99 < 2000)"));
return latencies.Length == sentAt.Count && P(0.99) < 2000 ? 0 : 2;

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NextLevel.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

static int LocalHour(string zone) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour;

static (string AreaCode, string State, string Zone)[] Places() =>
[
    ("212", "NY", "America/New_York"), ("312", "IL", "America/Chicago"), ("206", "WA", "America/Los_Angeles"),
    ("907", "AK", "America/Anchorage"), ("808", "HI", "Pacific/Honolulu"), ("671", "GU", "Pacific/Guam"),
];

static string Payload(string leadId, string phone, string state) =>
    $"{{\"lead_id\":\"{leadId}\",\"api_version\":\"1.0\",\"form_id\":1234,\"campaign_id\":1,\"user_column_data\":[" +
    $"{{\"column_name\":\"Full Name\",\"string_value\":\"Speed Tester\",\"column_id\":\"FULL_NAME\"}}," +
    $"{{\"column_name\":\"User Phone\",\"string_value\":\"{phone}\",\"column_id\":\"PHONE_NUMBER\"}}," +
    $"{{\"column_name\":\"State\",\"string_value\":\"{state}\",\"column_id\":\"REGION\"}}," +
    $"{{\"column_name\":\"{consentText}\",\"string_value\":\"yes\",\"column_id\":\"TCPA_CONSENT\"}}]," +
    $"\"google_key\":\"{googleKey}\",\"is_test\":false}}";

// An active campaign open around the clock (the law's window still applies) and a fresh national DNC import.
static async Task SeedAsync(IMongoDatabase database, string zone)
{
    var always = new DailyWindow { Start = "00:00", End = "23:59" };
    var campaign = new Campaign
    {
        Name = "Speed to lead",
        Type = CampaignType.Wholesale,
        Status = CampaignStatus.Active,
        Workflow = new CampaignWorkflow { InitialContact = new InitialContact { Timing = "within_5_minutes", MaxAttempts = 3, RetryDelay = 3600 } },
        Schedule = new CampaignSchedule
        {
            StartDate = DateTime.UtcNow.AddDays(-1),
            CallingHours = new CallingHours { Timezone = zone, Monday = always, Tuesday = always, Wednesday = always, Thursday = always, Friday = always, Saturday = always, Sunday = always },
        },
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
    await database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
    await new SystemConfigStore(database, TimeProvider.System).SetAsync(ComplianceSettings.DncImports,
        new DncImportsSetting(new DncListImport(DateTime.UtcNow, 0, 0, "speed-to-lead"), []), 0, "speed-to-lead");
}
