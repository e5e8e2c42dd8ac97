using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Intake.Import;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

/// <summary>An acknowledged import is stored, so a runner that stops half-way (restart, crash) never loses it.</summary>
public class CsvImportResumeTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private LeadImportStore Store => fixture.Services.GetRequiredService<LeadImportStore>();

    private static string Rows(string tag, int count)
    {
        var csv = new StringBuilder().AppendLine("externalId,firstName,phone,city,state,intent,tags");
        for (var i = 1; i <= count; i++) csv.AppendLine($"{tag}-{i},Row{i},{NewPhoneDigits()},Austin,TX,seller,{tag}");
        return csv.ToString();
    }

    private async Task<JsonObject> WaitForAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await client.GetFromJsonAsync<JsonObject>(location);
            if (status!["state"]!.ToString() is "completed" or "failed") return status;
            fixture.Services.GetRequiredService<LeadImportWorker>().Wake();
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task An_import_whose_runner_stopped_is_resumed_after_its_last_checkpoint()
    {
        var tag = Unique("resume")[..20].ToLowerInvariant();
        var (fileId, bytes) = (await Store.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Rows(tag, 6))), 1 << 20, default))!.Value;
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        // A runner that died after its checkpoint at row 3 (rows 2 and 3 created), holding a lease that has expired.
        var id = ObjectId.GenerateNewId();
        await fixture.Database.GetCollection<LeadImportRecord>(LeadImportStore.CollectionName).InsertOneAsync(new LeadImportRecord
        {
            Id = id, FileId = fileId, Bytes = bytes, Actor = "manager-1", State = LeadImportStates.Running,
            QueuedAt = now.AddMinutes(-10), StartedAt = now.AddMinutes(-10), Owner = "dead-runner", LeaseUntil = now.AddMinutes(-1),
            Progress = new LeadImportProgress { RowsDoneThrough = 3, Rows = 2, Created = 2 },
        });

        fixture.Services.GetRequiredService<LeadImportWorker>().Wake();
        var status = await WaitForAsync(fixture.CreateStaffClient("campaign_manager"), $"/api/leads/import/{id}");

        Assert.Equal("completed", status["state"]!.ToString());
        Assert.Equal(6, status["created"]!.GetValue<int>());
        Assert.Equal(6, status["rowsProcessed"]!.GetValue<int>());
        Assert.Equal(1, status["resumed"]!.GetValue<int>());
        var stored = await fixture.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Tags.Contains(tag)).ToListAsync();
        // Rows 2 and 3 (externalIds -1, -2) were finished before the checkpoint: the resumed run starts after them.
        Assert.Equal([$"{tag}-3", $"{tag}-4", $"{tag}-5", $"{tag}-6"], stored.Select(l => l.ExternalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_import_held_under_a_live_lease_is_left_to_its_runner()
    {
        var tag = Unique("leased")[..20].ToLowerInvariant();
        var (fileId, bytes) = (await Store.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Rows(tag, 2))), 1 << 20, default))!.Value;
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var id = ObjectId.GenerateNewId();
        await fixture.Database.GetCollection<LeadImportRecord>(LeadImportStore.CollectionName).InsertOneAsync(new LeadImportRecord
        {
            Id = id, FileId = fileId, Bytes = bytes, Actor = "manager-1", State = LeadImportStates.Running,
            QueuedAt = now, StartedAt = now, Owner = "live-runner", LeaseUntil = now.AddMinutes(1),
        });

        var claimed = await Store.ClaimNextAsync("another-runner", TimeSpan.FromSeconds(30), default);

        Assert.True(claimed is null || claimed.Id != id);
        var status = await fixture.CreateStaffClient("campaign_manager").GetFromJsonAsync<JsonObject>($"/api/leads/import/{id}");
        Assert.Equal("running", status!["state"]!.ToString());
    }

    [Fact]
    public async Task An_upload_over_the_limit_keeps_no_file()
    {
        var files = fixture.Database.GetCollection<BsonDocument>(LeadImportStore.BucketName + ".files");
        var chunks = fixture.Database.GetCollection<BsonDocument>(LeadImportStore.BucketName + ".chunks");
        var before = (await files.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty), await chunks.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));

        // 600 KB against a 500 KB limit: more than two 255 KB chunks are written before the limit is hit.
        var stored = await Store.UploadAsync(new MemoryStream(new byte[600 * 1024]), 500 * 1024, default);

        Assert.Null(stored);
        Assert.Equal(before, (await files.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty), await chunks.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty)));
    }
}
