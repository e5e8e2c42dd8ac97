using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Cursors;

/// <summary>Cuts results into batches: at most the requested count and at most 16 MiB of documents (always at least one).</summary>
internal static class BatchBuilder
{
    /// <summary>Documents in a batch when the client asks for no size (the server's default first batch).</summary>
    public const int DefaultFirstBatchSize = 101;

    /// <summary>A reply must stay below the 48 MB message limit; a batch is capped at the maximum document size.</summary>
    public const int MaxBatchBytes = 16 * 1024 * 1024;

    public static BsonArray Fill(Func<BsonDocument?> next, int? batchSize, out bool exhausted)
    {
        var batch = new BsonArray();
        var limit = batchSize is null or <= 0 ? int.MaxValue : batchSize.Value;
        if (batchSize == 0)
        {
            exhausted = false;
            return batch;
        }

        long bytes = 0;
        exhausted = false;
        while (batch.Count < limit)
        {
            var document = next();
            if (document is null)
            {
                exhausted = true;
                break;
            }
            // Serialised once here: the size is then known, and the reply writes the bytes as they are.
            var raw = document as RawBsonDocument ?? new RawBsonDocument(document.ToBson());
            batch.Add(raw);
            bytes += raw.Slice.Length;
            if (bytes >= MaxBatchBytes) break;
        }
        return batch;
    }
}
