using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Domain.Persistence.Catalogue;

/// <summary>What applying the catalogue changed; empty when the database already matched.</summary>
public sealed record CatalogueReport(
    IReadOnlyList<string> CreatedCollections,
    IReadOnlyList<string> UpdatedValidators,
    IReadOnlyList<string> CreatedIndexes,
    IReadOnlyList<string> ReplacedIndexes)
{
    /// <summary>consent_logs entries written before the ledger and sealed into their chains by this run.</summary>
    public long SealedConsentEntries { get; init; }

    public bool IsNoOp => CreatedCollections.Count + UpdatedValidators.Count + CreatedIndexes.Count + ReplacedIndexes.Count == 0 && SealedConsentEntries == 0;
}

/// <summary>
/// Brings a database in line with <see cref="CollectionCatalogue"/>: creates missing collections with their
/// validators, updates changed validators, creates missing indexes and replaces indexes whose definition changed.
/// Then seals consent_logs entries written before the ledger into their chains (Compliance/Ledger/ConsentLedgerSealing).
/// Then seals consent_logs entries written before the ledger into their chains (Compliance/Ledger/ConsentLedgerSealing).
/// Idempotent: a second run changes nothing. Indexes the catalogue does not know are left alone (an operator may
/// have added them on purpose).
/// </summary>
public sealed class CatalogueMigrator(IMongoDatabase database)
{
    public async Task<CatalogueReport> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        var validators = new List<string>();
        var createdIndexes = new List<string>();
        var replaced = new List<string>();

        var existing = await ListCollectionOptionsAsync(cancellationToken);
        foreach (var definition in CollectionCatalogue.All)
        {
            if (!existing.TryGetValue(definition.Name, out var options))
            {
                await CreateCollectionAsync(definition, cancellationToken);
                created.Add(definition.Name);
            }
            else if (!ValidatorMatches(definition, options))
            {
                await database.RunCommandAsync<BsonDocument>(new BsonDocument
                {
                    { "collMod", definition.Name },
                    { "validator", (BsonValue?)definition.ValidatorDocument ?? new BsonDocument() },
                    { "validationLevel", "strict" },
                    { "validationAction", "error" },
                }, cancellationToken: cancellationToken);
                validators.Add(definition.Name);
            }

            await ApplyIndexesAsync(definition, createdIndexes, replaced, cancellationToken);
        }

        // After the indexes: the unique chainKey_1_sequence_1 index guards the sealing against live appends.
        var sealedEntries = await new NextLevel.Domain.Compliance.Ledger.ConsentLedgerSealing(database).SealAsync(cancellationToken);
        return new CatalogueReport(created, validators, createdIndexes, replaced) { SealedConsentEntries = sealedEntries };
    }

    private async Task<Dictionary<string, BsonDocument>> ListCollectionOptionsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        using var cursor = await database.ListCollectionsAsync(cancellationToken: cancellationToken);
        foreach (var info in await cursor.ToListAsync(cancellationToken))
            result[info["name"].AsString] = info.GetValue("options", new BsonDocument()).AsBsonDocument;
        return result;
    }

    private async Task CreateCollectionAsync(CollectionDefinition definition, CancellationToken cancellationToken)
    {
        var command = new BsonDocument("create", definition.Name);
        if (definition.ValidatorDocument is { } validator)
        {
            command["validator"] = validator;
            command["validationLevel"] = "strict";
            command["validationAction"] = "error";
        }
        try
        {
            await database.RunCommandAsync<BsonDocument>(command, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.Code == 48)
        {
            // Another instance created it between our listing and now: it will be reconciled on the next start.
        }
    }

    private static bool ValidatorMatches(CollectionDefinition definition, BsonDocument options)
    {
        var actual = options.GetValue("validator", BsonNull.Value);
        var desired = (BsonValue?)definition.ValidatorDocument ?? BsonNull.Value;
        if (actual.IsBsonNull && desired.IsBsonNull) return true;
        return actual.Equals(desired)
            && options.GetValue("validationLevel", "strict").AsString == "strict"
            && options.GetValue("validationAction", "error").AsString == "error";
    }

    private async Task ApplyIndexesAsync(CollectionDefinition definition, List<string> createdIndexes, List<string> replaced, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<BsonDocument>(definition.Name);
        using var cursor = await collection.Indexes.ListAsync(cancellationToken);
        var listed = await cursor.ToListAsync(cancellationToken);

        var toCreate = new List<IndexSpec>();
        foreach (var spec in definition.Indexes)
        {
            var sameName = listed.FirstOrDefault(i => i["name"].AsString == spec.Name);
            if (sameName is not null && spec.Matches(sameName)) continue;

            // A changed definition, or our keys under another name: drop it so the new definition can be built.
            var stale = listed.Where(i => i["name"].AsString != "_id_"
                && (i["name"].AsString == spec.Name || SameKeys(spec, i))).ToList();
            foreach (var index in stale)
            {
                await collection.Indexes.DropOneAsync(index["name"].AsString, cancellationToken);
                listed.Remove(index);
            }
            if (stale.Count > 0) replaced.Add($"{definition.Name}.{spec.Name}");
            else createdIndexes.Add($"{definition.Name}.{spec.Name}");
            toCreate.Add(spec);
        }

        if (toCreate.Count == 0) return;
        await database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "createIndexes", definition.Name },
            { "indexes", new BsonArray(toCreate.Select(s => s.ToCreateSpec())) },
        }, cancellationToken: cancellationToken);
    }

    private static bool SameKeys(IndexSpec spec, BsonDocument listed)
    {
        var keys = listed["key"].AsBsonDocument;
        return spec.Weights is not null ? keys.Contains("_fts") : IndexSpec.KeysEqual(spec.Keys, keys);
    }
}
