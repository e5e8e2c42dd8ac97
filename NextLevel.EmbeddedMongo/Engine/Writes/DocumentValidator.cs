using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Writes;

/// <summary>
/// A collection's validator as writes apply it. validationLevel "strict" checks every insert and update,
/// "moderate" skips updates of documents that were already invalid, "off" checks nothing; validationAction "warn"
/// lets invalid documents through (MongoDB only logs them, and documents are never logged here).
/// Compiled once per command; immutable.
/// </summary>
internal sealed class DocumentValidator
{
    private readonly Filter _filter;
    private readonly BsonDocument _specification;
    private readonly bool _moderate;

    private DocumentValidator(Filter filter, BsonDocument specification, bool moderate)
    {
        _filter = filter;
        _specification = specification;
        _moderate = moderate;
    }

    /// <summary>The validator to enforce, or null when there is nothing to enforce.</summary>
    public static DocumentValidator? For(CollectionOptions options, bool bypassDocumentValidation, FilterOptions filterOptions)
    {
        if (bypassDocumentValidation || options.Validator is not { ElementCount: > 0 } validator) return null;
        if (options.ValidationLevel == "off" || options.ValidationAction == "warn") return null;
        return new DocumentValidator(Filter.Parse(validator, filterOptions), validator, options.ValidationLevel == "moderate");
    }

    public void CheckInsert(BsonDocument document)
    {
        if (!_filter.Matches(document)) throw Failure(document);
    }

    public void CheckUpdate(BsonDocument before, BsonDocument after)
    {
        if (_moderate && !_filter.Matches(before)) return;
        if (!_filter.Matches(after)) throw Failure(after);
    }

    private MongoError Failure(BsonDocument document)
    {
        var operatorName = _specification.ElementCount == 1 && _specification.GetElement(0).Name.StartsWith('$')
            ? _specification.GetElement(0).Name
            : "$and";
        var errInfo = new BsonDocument
        {
            { "failingDocumentId", document.GetValue("_id", BsonNull.Value) },
            { "details", new BsonDocument { { "operatorName", operatorName }, { "specifiedAs", _specification } } },
        };
        return new MongoError(ErrorCode.DocumentValidationFailure, "Document failed validation", new BsonDocument("errInfo", errInfo));
    }
}
