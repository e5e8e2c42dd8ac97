using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>
/// A find or command cursor saved as an entity; hands out one document at a time across the driver's batches.
/// [One per test - not thread-safe]
/// </summary>
public sealed class CursorEntity(IAsyncCursor<BsonDocument> cursor) : IDisposable
{
    private IEnumerator<BsonDocument>? _batch;
    private bool _exhausted;

    /// <summary>The next document, or null once the cursor is exhausted.</summary>
    public async Task<BsonDocument?> NextAsync(CancellationToken cancellationToken)
    {
        while (!_exhausted)
        {
            if (_batch is not null && _batch.MoveNext()) return _batch.Current;
            if (!await cursor.MoveNextAsync(cancellationToken))
            {
                _exhausted = true;
                break;
            }
            _batch = cursor.Current.GetEnumerator();
        }
        return null;
    }

    public void Dispose()
    {
        _batch?.Dispose();
        cursor.Dispose();
    }
}
