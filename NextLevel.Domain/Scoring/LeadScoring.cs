using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Scoring;

/// <summary>What scoring looks at: the lead's intent, the property and how reachable the person is.</summary>
public sealed record ScoringInput(
    LeadSource Source,
    IntentType? Intent,
    Level? Urgency,
    int MotivationFactorCount,
    string? Timeframe,
    double? EquityFraction,
    decimal? EstimatedValue,
    PropertyType? PropertyType,
    PropertyCondition? Condition,
    bool HasPhone,
    bool HasWrittenConsent);

/// <summary>The campaign's bar for "qualified" (campaigns.targeting.qualification).</summary>
public sealed record ScoringPolicy(double MinScore = 0.7, double MinEquity = 0.20, decimal MaxPrice = 500_000m, IReadOnlyList<PropertyType>? PropertyTypes = null)
{
    public static ScoringPolicy Default { get; } = new(PropertyTypes: [Properties.PropertyType.SingleFamily, Properties.PropertyType.Condo, Properties.PropertyType.Townhouse]);
}

/// <summary>
/// Scores a lead 0..1 for wholesale potential: a motivated seller with equity in a property that needs work,
/// who can be reached with consent, scores high. The one place the scoring rule lives.
/// Weights: motivation 0.35 (urgency, factors, timeframe), equity 0.25, property 0.15, reachability 0.15, source 0.10.
/// </summary>
public static class LeadScoring
{
    public static LeadQualification Score(ScoringInput input, ScoringPolicy policy, DateTime now)
    {
        var score = Motivation(input) + Equity(input) + PropertyFit(input) + Reachability(input) + SourceQuality(input.Source);
        if (input.Intent is IntentType.Buyer) score *= 0.5; // buyers are not the wholesale funnel's sellers
        score = Math.Round(Math.Clamp(score, 0, 1), 2);

        var criteria = new QualificationCriteria
        {
            HasMinEquity = input.EquityFraction >= policy.MinEquity,
            WithinBudget = input.EstimatedValue is null || input.EstimatedValue <= policy.MaxPrice,
            RightPropertyType = input.PropertyType is null || policy.PropertyTypes is null || policy.PropertyTypes.Contains(input.PropertyType.Value),
            IsMotivated = input.Urgency == Level.High || input.MotivationFactorCount > 0,
        };
        var qualified = score >= policy.MinScore && criteria.HasMinEquity && criteria.WithinBudget && criteria.RightPropertyType && criteria.IsMotivated;

        return new LeadQualification
        {
            Score = score,
            Qualified = qualified,
            QualifiedAt = qualified ? now : null,
            Criteria = criteria,
            EstimatedValue = input.EstimatedValue,
            EstimatedEquity = input.EquityFraction,
            WholesalePotential = score >= 0.75 && criteria.HasMinEquity ? Level.High : score >= 0.5 ? Level.Medium : Level.Low,
        };
    }

    private static double Motivation(ScoringInput input)
    {
        var urgency = input.Urgency switch { Level.High => 0.15, Level.Medium => 0.09, Level.Low => 0.03, _ => 0.05 };
        var factors = Math.Min(input.MotivationFactorCount, 2) * 0.05;
        var timeframe = input.Timeframe?.ToLowerInvariant() switch
        {
            "asap" or "immediately" or "30_days" or "0_30_days" => 0.10,
            "60_days" or "90_days" or "1_3_months" => 0.06,
            null or "" => 0.02,
            _ => 0.03,
        };
        return urgency + factors + timeframe;
    }

    private static double Equity(ScoringInput input) => input.EquityFraction switch
    {
        >= 0.40 => 0.25,
        >= 0.30 => 0.21,
        >= 0.20 => 0.16,
        >= 0.10 => 0.08,
        null => 0.05,
        _ => 0.0,
    };

    private static double PropertyFit(ScoringInput input) => input.Condition switch
    {
        PropertyCondition.Poor or PropertyCondition.NeedsWork => 0.15,
        PropertyCondition.Fair => 0.10,
        null => 0.06,
        _ => 0.04,
    };

    private static double Reachability(ScoringInput input) =>
        (input.HasPhone ? 0.08 : 0.0) + (input.HasWrittenConsent ? 0.07 : 0.0);

    private static double SourceQuality(LeadSource source) => source switch
    {
        LeadSource.Zillow => 0.10,
        LeadSource.GoogleAds => 0.08,
        LeadSource.RealGeeks => 0.07,
        _ => 0.05,
    };
}
