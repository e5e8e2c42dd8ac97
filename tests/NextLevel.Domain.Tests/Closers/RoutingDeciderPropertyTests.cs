using CsCheck;
using MongoDB.Bson;
using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Domain.Tests.Closers;

/// <summary>The routing decision over random rosters, shifts, time zones, caps, weights and instants.</summary>
public sealed class RoutingDeciderPropertyTests
{
    private static readonly string[] Zones = ["America/New_York", "America/Los_Angeles", "America/Phoenix", "Asia/Manila", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<string> Time = Gen.Select(Gen.Int[0, 23], Gen.OneOf(0, 15, 30, 45), (h, m) => $"{h:00}:{m:00}");

    private static readonly Gen<RoutingCandidate> Candidate =
        from zone in Gen.OneOf(Zones)
        from days in Gen.Bool.Array[7]
        from start in Time
        from end in Time
        from cap in Gen.Int[1, 5]
        from open in Gen.Int[0, 6]
        from weight in Gen.Int[1, 5]
        select new RoutingCandidate(ObjectId.GenerateNewId(), "closer", new CloserProfile
        {
            TimeZone = zone, OpenLeadCap = cap, Weight = weight,
            Shift = new CloserShift { Days = [.. DayNames.Where((_, i) => days[i])], Start = start, End = end },
        }, open);

    private static readonly Gen<(RoutingCandidate[] Team, DateTime At, RoutingMode Mode, long Cursor, int Excluded)> Scenario =
        from team in Candidate.Array[1, 7]
        from minutes in Gen.Int[0, 2 * 365 * 24 * 60]
        from mode in Gen.OneOf(RoutingMode.RoundRobin, RoutingMode.Weighted)
        from cursor in Gen.Long[0, 1_000]
        from excluded in Gen.Int[0, 2]
        select (team, Start.AddMinutes(minutes), mode, cursor, excluded);

    /// <summary>Independent oracle: the shift as local wall-clock intervals starting on the listed days (the day before
    /// covers overnight shifts); start = end is the whole listed day.</summary>
    private static bool OnShift(CloserProfile profile, DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var start = TimeSpan.Parse(profile.Shift.Start, System.Globalization.CultureInfo.InvariantCulture);
        var end = TimeSpan.Parse(profile.Shift.End, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var day in new[] { local.Date.AddDays(-1), local.Date })
        {
            if (!profile.Shift.Days.Contains(DayNames[(int)day.DayOfWeek])) continue;
            var (from, to) = start == end ? (day, day.AddDays(1)) : (day + start, end > start ? day + end : day.AddDays(1) + end);
            if (local >= from && local < to) return true;
        }
        return false;
    }

    private static bool Eligible(RoutingCandidate c, IReadOnlyCollection<ObjectId> excluded, DateTime at) =>
        !excluded.Contains(c.UserId) && c.OpenLeads < c.Profile.OpenLeadCap && OnShift(c.Profile, at);

    [Fact]
    public void Never_offers_to_an_off_shift_at_cap_or_already_offered_closer_and_pools_only_when_nobody_is_eligible() =>
        Scenario.Sample(s =>
        {
            var excluded = s.Team.Take(s.Excluded).Select(c => c.UserId).ToList();
            var decision = RoutingDecider.Decide(new RoutingRules(s.Mode, s.Cursor).Value, s.Team, excluded, s.At);
            if (decision.Chosen is { } chosen)
            {
                Assert.True(Eligible(chosen, excluded, s.At));
                Assert.StartsWith($"offered to {chosen.DisplayName}: next in", decision.Reason, StringComparison.Ordinal);
                Assert.Contains($"on shift, {chosen.OpenLeads} of {chosen.Profile.OpenLeadCap} open", decision.Reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(s.Team, c => Eligible(c, excluded, s.At));
                Assert.StartsWith("no closer available", decision.Reason, StringComparison.Ordinal);
            }
        }, iter: 2_000);

    [Fact]
    public void Round_robin_offers_the_first_eligible_closer_at_or_after_the_cursor() =>
        Scenario.Where(s => s.Mode == RoutingMode.RoundRobin).Sample(s =>
        {
            var ordered = s.Team.OrderBy(c => c.UserId).ToList();
            var decision = RoutingDecider.Decide(new RoutingRules(RoutingMode.RoundRobin, s.Cursor).Value, s.Team, [], s.At);
            var expected = Enumerable.Range(0, ordered.Count).Select(i => ordered[(int)((s.Cursor + i) % ordered.Count)]).FirstOrDefault(c => Eligible(c, [], s.At));
            Assert.Equal(expected?.UserId, decision.Chosen?.UserId);
        }, iter: 1_000);

    [Fact]
    public void Round_robin_is_fair_when_everyone_is_available() =>
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 6], Gen.Long[0, 50]).Sample((size, rounds, cursor) =>
        {
            var team = AlwaysAvailable(Enumerable.Repeat(1, size));
            var counts = Run(RoutingMode.RoundRobin, team, cursor, size * rounds);
            Assert.All(team, c => Assert.Equal(rounds, counts.GetValueOrDefault(c.UserId)));
        }, iter: 200);

    [Fact]
    public void Weighted_rotation_offers_in_proportion_to_the_weights() =>
        Gen.Select(Gen.Int[1, 6].Array[1, 6], Gen.Int[1, 4], Gen.Long[0, 50]).Sample((weights, rounds, cursor) =>
        {
            var team = AlwaysAvailable(weights);
            var counts = Run(RoutingMode.Weighted, team, cursor, weights.Sum() * rounds);
            Assert.All(team, c => Assert.Equal(c.Profile.Weight * rounds, counts.GetValueOrDefault(c.UserId)));
        }, iter: 200);

    [Fact]
    public void Weighted_rotation_never_gives_a_closer_two_turns_in_a_row_while_someone_else_has_equal_weight()
    {
        var team = AlwaysAvailable([1, 1, 1]);
        var counts = new List<ObjectId>();
        var rules = new CampaignRouting { Mode = RoutingMode.Weighted };
        for (var i = 0; i < 9; i++)
        {
            var d = RoutingDecider.Decide(rules, team, [], Start);
            counts.Add(d.Chosen!.UserId);
            rules.RotationCursor = d.NextCursor;
        }
        Assert.All(counts.Zip(counts.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void An_empty_team_pools_with_its_reason()
    {
        var decision = RoutingDecider.Decide(new CampaignRouting(), [], [], Start);
        Assert.Null(decision.Chosen);
        Assert.Equal("no closer on the campaign's team", decision.Reason);
    }

    private static Dictionary<ObjectId, int> Run(RoutingMode mode, IReadOnlyList<RoutingCandidate> team, long cursor, int leads)
    {
        var rules = new CampaignRouting { Mode = mode, RotationCursor = cursor };
        var counts = new Dictionary<ObjectId, int>();
        for (var i = 0; i < leads; i++)
        {
            var decision = RoutingDecider.Decide(rules, team, [], Start);
            var id = decision.Chosen!.UserId;
            counts[id] = counts.GetValueOrDefault(id) + 1;
            rules.RotationCursor = decision.NextCursor;
        }
        return counts;
    }

    private static List<RoutingCandidate> AlwaysAvailable(IEnumerable<int> weights) =>
        [.. weights.Select(w => new RoutingCandidate(ObjectId.GenerateNewId(), "c", new CloserProfile
        {
            TimeZone = "UTC", OpenLeadCap = 1_000, Weight = w,
            Shift = new CloserShift { Days = [.. DayNames], Start = "00:00", End = "00:00" },
        }, 0))];

    private sealed record RoutingRules(RoutingMode Mode, long Cursor)
    {
        public CampaignRouting Value => new() { Mode = Mode, RotationCursor = Cursor };
    }
}
