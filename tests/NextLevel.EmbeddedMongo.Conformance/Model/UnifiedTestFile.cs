using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Model;

/// <summary>One unified-format test file, read from its extended JSON text.</summary>
public sealed class UnifiedTestFile
{
    private UnifiedTestFile(string path, BsonDocument document)
    {
        Path = path;
        Description = document.GetValue("description", System.IO.Path.GetFileNameWithoutExtension(path)).AsString;
        SchemaVersion = document["schemaVersion"].AsString;
        RunOnRequirements = document.GetValue("runOnRequirements", BsonNull.Value) as BsonArray;
        CreateEntities = document.GetValue("createEntities", new BsonArray()).AsBsonArray;
        InitialData = document.GetValue("initialData", new BsonArray()).AsBsonArray;
        Tests = document["tests"].AsBsonArray.Select(t => new UnifiedTestCase(t.AsBsonDocument)).ToList();
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public string Description { get; }

    public string SchemaVersion { get; }

    public BsonArray? RunOnRequirements { get; }

    public BsonArray CreateEntities { get; }

    public BsonArray InitialData { get; }

    public IReadOnlyList<UnifiedTestCase> Tests { get; }

    public static UnifiedTestFile Load(string path) => new(path, BsonDocument.Parse(File.ReadAllText(path)));
}

/// <summary>One test of a unified-format file.</summary>
public sealed class UnifiedTestCase(BsonDocument document)
{
    public string Description { get; } = document["description"].AsString;

    public BsonArray? RunOnRequirements { get; } = document.GetValue("runOnRequirements", BsonNull.Value) as BsonArray;

    public string? SkipReason { get; } = document.GetValue("skipReason", BsonNull.Value) is BsonString reason ? reason.Value : null;

    public BsonArray Operations { get; } = document["operations"].AsBsonArray;

    public BsonArray? ExpectEvents { get; } = document.GetValue("expectEvents", BsonNull.Value) as BsonArray;

    public BsonArray? Outcome { get; } = document.GetValue("outcome", BsonNull.Value) as BsonArray;
}
