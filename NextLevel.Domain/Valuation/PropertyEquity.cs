namespace NextLevel.Domain.Valuation;

/// <summary>
/// The owner's equity in a property: its current value (Zestimate, else list price, else tax-assessed value)
/// minus the liens on it. Null when no value is known.
/// </summary>
public static class PropertyEquity
{
    public static EquityEstimate? Estimate(Properties.Property property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var valuation = property.Valuation;
        var value = valuation?.Zestimate ?? valuation?.ListPrice ?? valuation?.TaxAssessedValue;
        if (value is not { } current || current <= 0) return null;
        var liens = property.Liens.Sum(l => l.Amount);
        var equity = current - liens;
        return new EquityEstimate(current, liens, equity, (double)Math.Round(equity / current, 4));
    }
}

/// <param name="Fraction">Equity as a fraction of the current value (negative when under water).</param>
public sealed record EquityEstimate(decimal CurrentValue, decimal Liens, decimal Equity, double Fraction);
