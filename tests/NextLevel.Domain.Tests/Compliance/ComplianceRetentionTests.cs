using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Compliance;

/// <summary>Consent and DNC evidence is kept at least five years: no TTL index may ever expire it.</summary>
public sealed class ComplianceRetentionTests
{
    [Theory]
    [InlineData(CollectionNames.ConsentLogs)]
    [InlineData(CollectionNames.DncRegistry)]
    public void Evidence_collections_have_no_ttl_index(string collection) =>
        Assert.All(CollectionCatalogue.Get(collection).Indexes, index => Assert.Null(index.ExpireAfterSeconds));

    [Fact]
    public void Consent_logs_are_append_only() => Assert.True(CollectionCatalogue.Get(CollectionNames.ConsentLogs).AppendOnly);

    [Fact]
    public void The_ledger_offers_no_update_or_delete() =>
        Assert.DoesNotContain(typeof(NextLevel.Domain.Compliance.ConsentLedger).GetMethods(), m => m.Name.Contains("Update", StringComparison.Ordinal) || m.Name.Contains("Delete", StringComparison.Ordinal) || m.Name.Contains("Replace", StringComparison.Ordinal));
}
