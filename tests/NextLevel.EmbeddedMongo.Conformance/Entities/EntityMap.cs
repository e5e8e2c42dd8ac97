using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>
/// The named objects of one test: clients, databases, collections, sessions, cursors and saved BSON results.
/// Names are unique; a lookup of a missing name or of the wrong type is an error of the test file.
/// Disposing the map ends the test's sessions, cursors and clients.
/// [One per test - not thread-safe: the CRUD tests run their operations sequentially]
/// </summary>
public sealed class EntityMap : IMatchEntities, IDisposable
{
    private readonly Dictionary<string, object> _entities = new(StringComparer.Ordinal);

    public void Add(string name, object entity)
    {
        if (!_entities.TryAdd(name, entity))
            throw new InvalidOperationException($"entity '{name}' is already defined");
    }

    public bool Contains(string name) => _entities.ContainsKey(name);

    public object Get(string name)
        => _entities.TryGetValue(name, out var entity) ? entity : throw new InvalidOperationException($"entity '{name}' is not defined");

    public T Get<T>(string name)
        where T : class
        => Get(name) as T ?? throw new InvalidOperationException($"entity '{name}' is a {Get(name).GetType().Name}, not a {typeof(T).Name}");

    /// <summary>The client entities, in creation order.</summary>
    public IEnumerable<ClientEntity> Clients => _entities.Values.OfType<ClientEntity>();

    public BsonValue GetBsonValue(string name) => Get<BsonValue>(name);

    public BsonDocument GetSessionLsid(string name) => Get<IClientSessionHandle>(name).ServerSession.Id;

    public void Dispose()
    {
        foreach (var entity in _entities.Values.Reverse())
        {
            if (entity is IDisposable disposable) disposable.Dispose();
        }
        _entities.Clear();
    }
}
