using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// Where CSV imports live: the records in <c>lead_imports</c> and the uploaded files in the GridFS bucket
/// <c>lead_import_files</c>, so that any Api instance can run, resume or report an import after a restart.
/// Runners claim an import with a lease (findOneAndUpdate), renew it at each checkpoint and lose it if they stop;
/// an expired lease is taken over. [Singleton - thread-safe.]
/// </summary>
internal sealed class LeadImportStore(IMongoDatabase database, TimeProvider time)
{
    public const string CollectionName = "lead_imports";
    public const string BucketName = "lead_import_files";

    private readonly IMongoCollection<LeadImportRecord> _imports = database.GetCollection<LeadImportRecord>(CollectionName);
    private int _indexed;
    private readonly GridFSBucket _files = new(database, new GridFSBucketOptions { BucketName = BucketName, ChunkSizeBytes = 255 * 1024 });

    /// <summary>Stores the upload; null when it exceeds <paramref name="maxBytes"/> (nothing is kept then).</summary>
    public async Task<(ObjectId FileId, long Bytes)?> UploadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var bounded = new BoundedReadStream(body, maxBytes);
        try
        {
            var id = await _files.UploadFromStreamAsync(ObjectId.GenerateNewId() + ".csv", bounded, cancellationToken: cancellationToken);
            return (id, bounded.BytesRead);
        }
        catch (UploadTooLargeException)
        {
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    public Task<GridFSDownloadStream> OpenAsync(ObjectId fileId, CancellationToken cancellationToken) =>
        _files.OpenDownloadStreamAsync(fileId, new GridFSDownloadOptions { Seekable = false }, cancellationToken);

    public async Task DeleteFileAsync(ObjectId fileId, CancellationToken cancellationToken)
    {
        try
        {
            await _files.DeleteAsync(fileId, cancellationToken);
        }
        catch (GridFSFileNotFoundException)
        {
            // Already deleted by a runner that finished the same import before losing its lease.
        }
    }

    /// <summary>Stores the record; the first one also creates the index of the runners' claim query (state, oldest first),
    /// so the collection exists only once someone imports.</summary>
    public async Task InsertAsync(LeadImportRecord record, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _indexed) == 0)
        {
            await _imports.Indexes.CreateOneAsync(new CreateIndexModel<LeadImportRecord>(
                Builders<LeadImportRecord>.IndexKeys.Ascending(i => i.State).Ascending(i => i.QueuedAt)), cancellationToken: cancellationToken);
            Volatile.Write(ref _indexed, 1);
        }
        await _imports.InsertOneAsync(record, cancellationToken: cancellationToken);
    }

    public async Task<LeadImportRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        ObjectId.TryParse(id, out var objectId) ? await _imports.Find(i => i.Id == objectId).FirstOrDefaultAsync(cancellationToken) : null;

    /// <summary>Claims the oldest import that is queued, or running under an expired lease (its runner stopped).</summary>
    public Task<LeadImportRecord?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var filter = Builders<LeadImportRecord>.Filter.In(i => i.State, [LeadImportStates.Queued, LeadImportStates.Running])
            & (Builders<LeadImportRecord>.Filter.Eq(i => i.LeaseUntil, null) | Builders<LeadImportRecord>.Filter.Lt(i => i.LeaseUntil, now));
        var update = Builders<LeadImportRecord>.Update
            .Set(i => i.State, LeadImportStates.Running)
            .Set(i => i.Owner, owner)
            .Set(i => i.LeaseUntil, now + lease)
            .Min(i => i.StartedAt, now);
        return _imports.FindOneAndUpdateAsync(filter, update, new FindOneAndUpdateOptions<LeadImportRecord>
        {
            Sort = Builders<LeadImportRecord>.Sort.Ascending(i => i.QueuedAt),
            ReturnDocument = ReturnDocument.After,
        }, cancellationToken)!;
    }

    /// <summary>Saves the counters and renews the lease; false when the lease was lost (another runner took over).</summary>
    public async Task<bool> CheckpointAsync(ObjectId id, string owner, LeadImportProgress progress, TimeSpan lease, CancellationToken cancellationToken)
    {
        var update = Builders<LeadImportRecord>.Update
            .Set(i => i.Progress, progress)
            .Set(i => i.LeaseUntil, time.GetUtcNow().UtcDateTime + lease);
        var result = await _imports.UpdateOneAsync(i => i.Id == id && i.Owner == owner && i.State == LeadImportStates.Running, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> FinishAsync(ObjectId id, string owner, LeadImportProgress progress, bool failed, CancellationToken cancellationToken)
    {
        var update = Builders<LeadImportRecord>.Update
            .Set(i => i.Progress, progress)
            .Set(i => i.State, failed ? LeadImportStates.Failed : LeadImportStates.Completed)
            .Set(i => i.CompletedAt, time.GetUtcNow().UtcDateTime)
            .Unset(i => i.LeaseUntil);
        var result = await _imports.UpdateOneAsync(i => i.Id == id && i.Owner == owner && i.State == LeadImportStates.Running, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }
}
