namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>
/// Where root-level documents sit in an expected value. Root-level documents may carry extra fields in the actual
/// value; nested ones may not (unified test format, "Allowing Extra Fields in Root-level Documents").
/// </summary>
public enum MatchRootness
{
    /// <summary>Plain values (e.g. distinct results): every document must match exactly.</summary>
    None,

    /// <summary>The value itself is a root-level document (e.g. findOneAndUpdate, command replies).</summary>
    Document,

    /// <summary>The value is an array of root-level documents (iterable results such as find and aggregate).</summary>
    ArrayElements,
}
