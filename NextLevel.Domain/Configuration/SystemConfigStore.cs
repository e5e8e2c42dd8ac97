using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Configuration;

/// <summary>Raised when a setting changed between reading it and writing it.</summary>
public sealed class SettingConflictException(string key, int expectedVersion)
    : Exception($"Setting '{key}' is no longer at version {expectedVersion}; read it again and reapply the change.");

/// <summary>
/// Reads and changes settings in <c>system_config</c>. A change is conditional on the version the caller read,
/// keeps the previous value in the history and increments the version, in one atomic update.
/// </summary>
public sealed class SystemConfigStore(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<SystemConfigEntry> _entries = database.GetCollection<SystemConfigEntry>(CollectionNames.SystemConfig);

    public async Task<(T Value, int Version)> GetAsync<T>(SettingKey<T> key, CancellationToken cancellationToken = default) where T : class
    {
        var entry = await _entries.Find(e => e.Key == key.Key).FirstOrDefaultAsync(cancellationToken);
        return (key.Read(entry), entry?.Version ?? 0);
    }

    /// <summary>Sets the value if the stored version is still <paramref name="expectedVersion"/> (0 = not stored yet).</summary>
    public async Task<int> SetAsync<T>(SettingKey<T> key, T value, int expectedVersion, string changedBy, CancellationToken cancellationToken = default) where T : class
    {
        var now = time.GetUtcNow().UtcDateTime;
        var document = key.ToDocument(value);
        if (expectedVersion == 0)
        {
            try
            {
                await _entries.InsertOneAsync(new SystemConfigEntry { Key = key.Key, Value = document, Description = key.Description, Version = 1, UpdatedAt = now, UpdatedBy = changedBy }, cancellationToken: cancellationToken);
                return 1;
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                throw new SettingConflictException(key.Key, expectedVersion);
            }
        }

        var current = await _entries.Find(e => e.Key == key.Key && e.Version == expectedVersion).FirstOrDefaultAsync(cancellationToken)
            ?? throw new SettingConflictException(key.Key, expectedVersion);
        var update = Builders<SystemConfigEntry>.Update
            .Set(e => e.Value, document)
            .Inc(e => e.Version, 1)
            .Set(e => e.UpdatedAt, now)
            .Set(e => e.UpdatedBy, changedBy)
            .Push(e => e.History, new ConfigChange { Version = current.Version, PreviousValue = current.Value, ChangedAt = now, ChangedBy = changedBy });
        var result = await _entries.UpdateOneAsync(e => e.Key == key.Key && e.Version == expectedVersion, update, cancellationToken: cancellationToken);
        if (result.ModifiedCount == 0) throw new SettingConflictException(key.Key, expectedVersion);
        return expectedVersion + 1;
    }
}
