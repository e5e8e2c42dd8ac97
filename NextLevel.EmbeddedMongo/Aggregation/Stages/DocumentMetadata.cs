using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// Per-run metadata attached to documents by identity (the text score a $text $match computed), read by
/// <c>{ $meta: "textScore" }</c> and carried over by stages that rebuild documents.
/// [ThreadSafe] though one pipeline run uses it from one thread.
/// </summary>
internal sealed class DocumentMetadata
{
    private readonly ConditionalWeakTable<BsonDocument, StrongBox<double>> _textScores = new();
    private volatile bool _hasAny;

    public void SetTextScore(BsonDocument document, double score)
    {
        _textScores.AddOrUpdate(document, new StrongBox<double>(score));
        _hasAny = true;
    }

    public double? TextScoreOf(BsonDocument document) =>
        _hasAny && _textScores.TryGetValue(document, out var box) ? box.Value : null;

    /// <summary>Gives <paramref name="to"/> the metadata of <paramref name="from"/> (a no-op while nothing is recorded).</summary>
    public BsonDocument Carry(BsonDocument from, BsonDocument to)
    {
        if (_hasAny && !ReferenceEquals(from, to) && _textScores.TryGetValue(from, out var box)) _textScores.AddOrUpdate(to, box);
        return to;
    }
}
