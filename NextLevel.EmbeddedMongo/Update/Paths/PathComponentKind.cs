namespace NextLevel.EmbeddedMongo.Update.Paths;

/// <summary>What one dotted component of an update path addresses.</summary>
internal enum PathComponentKind
{
    /// <summary>A field name, or an array index when the value there is an array.</summary>
    Field,

    /// <summary><c>$</c>: the array element the query matched.</summary>
    Positional,

    /// <summary><c>$[]</c>: every element of the array.</summary>
    AllElements,

    /// <summary><c>$[identifier]</c>: the elements matching the array filter named identifier.</summary>
    FilteredElements,
}
