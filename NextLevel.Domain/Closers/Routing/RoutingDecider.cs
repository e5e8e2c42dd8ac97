using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>A closer of the campaign's team as routing sees them at one instant.</summary>
public sealed record RoutingCandidate(ObjectId UserId, string DisplayName, CloserProfile Profile, int OpenLeads);

/// <summary>The decision: the closer to offer the lead to (null: nobody can take it now), why, and the rotation's next position.</summary>
public sealed record RoutingDecision(RoutingCandidate? Chosen, string Reason, long NextCursor);

/// <summary>
/// Picks the next closer, purely: round-robin (or weighted round-robin) over the team ordered by user id, starting at the
/// campaign's rotation cursor, skipping closers who are off shift, at their open-lead cap, or already offered the lead in
/// this round. Weighted mode walks a smooth weighted sequence in which each closer appears as often as their weight.
/// </summary>
public static class RoutingDecider
{
    public const int MaxWeight = 100;

    public static RoutingDecision Decide(CampaignRouting rules, IReadOnlyList<RoutingCandidate> team, IReadOnlyCollection<ObjectId> alreadyOffered, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(alreadyOffered);
        var ordered = team.DistinctBy(c => c.UserId).OrderBy(c => c.UserId).ToList();
        if (ordered.Count == 0) return new RoutingDecision(null, "no closer on the campaign's team", rules.RotationCursor);

        var weighted = rules.Mode == RoutingMode.Weighted;
        var sequence = weighted ? WeightedSequence(ordered) : [.. Enumerable.Range(0, ordered.Count)];
        var start = (int)(((rules.RotationCursor % sequence.Length) + sequence.Length) % sequence.Length);
        var skipped = new List<string>();
        var seen = new HashSet<int>();
        for (var step = 0; step < sequence.Length; step++)
        {
            var slot = (start + step) % sequence.Length;
            var index = sequence[slot];
            if (!seen.Add(index)) continue;
            var candidate = ordered[index];
            var why = Ineligible(candidate, alreadyOffered, nowUtc);
            if (why is not null)
            {
                skipped.Add($"{candidate.DisplayName} ({why})");
                continue;
            }
            var rotation = weighted
                ? $"next in weighted rotation (weight {Weight(candidate)} of {ordered.Sum(Weight)})"
                : "next in rotation";
            var reason = $"offered to {candidate.DisplayName}: {rotation}, on shift, {candidate.OpenLeads} of {Cap(candidate)} open";
            if (skipped.Count > 0) reason += "; skipped " + string.Join(", ", skipped);
            return new RoutingDecision(candidate, reason, rules.RotationCursor + step + 1);
        }
        return new RoutingDecision(null, "no closer available: " + string.Join(", ", skipped), rules.RotationCursor);
    }

    /// <summary>Why a closer cannot be offered the lead now, or null when they can.</summary>
    public static string? Ineligible(RoutingCandidate candidate, IReadOnlyCollection<ObjectId> alreadyOffered, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (alreadyOffered.Contains(candidate.UserId)) return "already offered this lead";
        if (!ShiftClock.IsOnShift(candidate.Profile, nowUtc)) return "off shift";
        if (candidate.OpenLeads >= Cap(candidate)) return $"at cap, {candidate.OpenLeads} of {Cap(candidate)} open";
        return null;
    }

    public static int Weight(RoutingCandidate candidate) => Math.Clamp(candidate.Profile.Weight, 1, MaxWeight);

    private static int Cap(RoutingCandidate candidate) => Math.Max(0, candidate.Profile.OpenLeadCap);

    /// <summary>Smooth weighted round-robin: a sequence of length Σweights in which closer i appears weight(i) times, spread out.</summary>
    private static int[] WeightedSequence(List<RoutingCandidate> ordered)
    {
        var weights = ordered.Select(Weight).ToArray();
        var total = weights.Sum();
        var current = new long[weights.Length];
        var sequence = new int[total];
        for (var n = 0; n < total; n++)
        {
            var best = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best]) best = i;
            }
            current[best] -= total;
            sequence[n] = best;
        }
        return sequence;
    }
}
