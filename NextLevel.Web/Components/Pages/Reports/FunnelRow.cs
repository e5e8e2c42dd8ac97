namespace NextLevel.Web.Components.Pages.Reports;

/// <summary>One step of the funnel: its count, the share of the step before that reached it, and its average score.</summary>
public sealed record FunnelRow(string Label, long Count, double? Conversion, double? AvgScore)
{
    /// <summary>Steps in funnel order; conversion of step n is count(n) / count(n-1), with leads counted as they are now.</summary>
    public static List<FunnelRow> Build(IEnumerable<(string Key, long Count, double? AvgScore)> steps, IReadOnlyList<string> order)
    {
        var byKey = steps.ToDictionary(s => s.Key);
        var rows = new List<FunnelRow>();
        long? previous = null;
        foreach (var key in order.Concat(byKey.Keys.Except(order)))
        {
            if (!byKey.TryGetValue(key, out var step)) continue;
            rows.Add(new FunnelRow(ApiClient.Models.Vocabulary.Label(key), step.Count,
                previous is { } p && p > 0 ? (double)step.Count / p : null, step.AvgScore));
            previous = step.Count;
        }
        return rows;
    }
}
