using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// A test applied to each candidate value that a dotted path yields (see <see cref="DocumentPath.AnyMatch"/>).
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IPathValueTest
{
    /// <summary>
    /// Tests one candidate; <paramref name="value"/> is C# null when the path is missing.
    /// An implementation that matches inside an array of its own (such as $elemMatch) may set
    /// <paramref name="arrayPosition"/> to the element index it matched.
    /// </summary>
    bool Test(BsonValue? value, ref int arrayPosition);
}
