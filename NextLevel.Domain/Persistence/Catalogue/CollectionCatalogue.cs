namespace NextLevel.Domain.Persistence.Catalogue;

/// <summary>
/// The one list of the database's collections with their indexes and validators. The Api applies it at start-up
/// (<see cref="CatalogueMigrator"/>); tests and tools read it; nothing else defines an index.
/// </summary>
public static class CollectionCatalogue
{
    public static IReadOnlyList<CollectionDefinition> All { get; } =
    [
        LeadsCollection.Definition,
        ContactsCollection.Definition,
        PropertiesCollection.Definition,
        CampaignsCollection.Definition,
        CallsCollection.Definition,
        CallTranscriptsCollection.Definition,
        ConsentLogsCollection.Definition,
        DncRegistryCollection.Definition,
        AgentStateCollection.Definition,
        KnowledgeBaseCollection.Definition,
        AnalyticsEventsCollection.Definition,
        SystemConfigCollection.Definition,
    ];

    public static CollectionDefinition Get(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"'{name}' is not a collection of the catalogue.", nameof(name));
}
