namespace NextLevel.Web.Components.Shared;

/// <summary>
/// Turns the grid's page numbers into the Api's keyset cursors: page 0 starts with no cursor and each page read
/// tells where the next starts. A page further than the last one read is reached by reading the pages between.
/// Reset whenever the filter or sort changes.
/// </summary>
public sealed class KeysetPager
{
    private readonly List<string?> _cursors = [null];

    public void Reset()
    {
        _cursors.Clear();
        _cursors.Add(null);
    }

    /// <summary>The cursor of a page already reached, or the furthest known page to read forward from.</summary>
    public (int Page, string? Cursor) StartFor(int page)
    {
        var known = Math.Min(page, _cursors.Count - 1);
        return (known, _cursors[known]);
    }

    /// <summary>Records where the page after <paramref name="page"/> starts (null: there is none).</summary>
    public void Record(int page, string? nextCursor)
    {
        if (page + 1 < _cursors.Count)
        {
            _cursors[page + 1] = nextCursor;
        }
        else if (page + 1 == _cursors.Count && nextCursor is not null)
        {
            _cursors.Add(nextCursor);
        }
    }

    public bool HasPage(int page) => page < _cursors.Count;
}
