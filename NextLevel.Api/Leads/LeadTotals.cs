using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Leads;

/// <summary>
/// The lead list's total. Unfiltered, it is the collection's document count from its metadata (the count command
/// without a query: no document is read, exact on MongoDB after a clean shutdown); filtered, countDocuments, whose
/// $match runs on the filter's index.
/// </summary>
public static class LeadTotals
{
    public static Task<long> CountAsync(IMongoCollection<Lead> leads, BsonDocument filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(filter);
        return filter.ElementCount == 0
            ? leads.EstimatedDocumentCountAsync(cancellationToken: cancellationToken)
            : leads.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
    }
}
