using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>Turns the readConcern / writeConcern / readPreference documents of test files into driver settings.</summary>
public static class DriverSettingsParser
{
    public static ReadConcern ParseReadConcern(BsonDocument document)
    {
        foreach (var element in document)
        {
            if (element.Name != "level") throw new UnsupportedByRunnerException($"readConcern option '{element.Name}'");
        }
        return document.TryGetValue("level", out var level)
            ? new ReadConcern((ReadConcernLevel?)Enum.Parse<ReadConcernLevel>(level.AsString, ignoreCase: true))
            : ReadConcern.Default;
    }

    public static WriteConcern ParseWriteConcern(BsonDocument document)
    {
        Optional<WriteConcern.WValue> w = default;
        Optional<TimeSpan?> timeout = default;
        Optional<bool?> journal = default;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "w":
                    w = element.Value.IsString ? WriteConcern.WValue.Parse(element.Value.AsString) : (WriteConcern.WValue)element.Value.ToInt32();
                    break;
                case "wtimeoutMS":
                    timeout = TimeSpan.FromMilliseconds(element.Value.ToInt64());
                    break;
                case "j" or "journal":
                    journal = element.Value.ToBoolean();
                    break;
                default:
                    throw new UnsupportedByRunnerException($"writeConcern option '{element.Name}'");
            }
        }
        return new WriteConcern(w, timeout, default, journal);
    }

    public static ReadPreference ParseReadPreference(BsonDocument document)
    {
        var mode = ReadPreferenceMode.Primary;
        IEnumerable<TagSet>? tagSets = null;
        TimeSpan? maxStaleness = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "mode":
                    mode = Enum.Parse<ReadPreferenceMode>(element.Value.AsString, ignoreCase: true);
                    break;
                case "tagSets" or "tag_sets":
                    tagSets = element.Value.AsBsonArray.Select(set => new TagSet(set.AsBsonDocument.Select(t => new Tag(t.Name, t.Value.AsString)))).ToList();
                    break;
                case "maxStalenessSeconds":
                    maxStaleness = TimeSpan.FromSeconds(element.Value.ToDouble());
                    break;
                default:
                    throw new UnsupportedByRunnerException($"readPreference option '{element.Name}'");
            }
        }
        return new ReadPreference(mode, tagSets, maxStaleness);
    }
}
