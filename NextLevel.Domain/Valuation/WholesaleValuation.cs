namespace NextLevel.Domain.Valuation;

/// <summary>
/// The wholesaler's 70% rule: offer at most 70% of the after-repair value (ARV) minus the repairs.
/// The margin is what remains of the ARV after repairs and the purchase price.
/// This is the one place the rule lives; Api, Worker and seeder call it.
/// </summary>
public static class WholesaleValuation
{
    public const decimal MaximumAllowableOfferRatio = 0.70m;

    public static WholesaleOffer Calculate(decimal afterRepairValue, decimal repairCost)
    {
        if (afterRepairValue < 0) throw new ArgumentOutOfRangeException(nameof(afterRepairValue), "ARV cannot be negative.");
        if (repairCost < 0) throw new ArgumentOutOfRangeException(nameof(repairCost), "Repair cost cannot be negative.");

        // Whole dollars: offers are quoted in dollars, and rounding down keeps the offer within the rule.
        var wholesalePrice = Math.Max(0m, Math.Floor(afterRepairValue * MaximumAllowableOfferRatio - repairCost));
        var profitMargin = afterRepairValue - repairCost - wholesalePrice;
        return new WholesaleOffer(afterRepairValue, repairCost, wholesalePrice, profitMargin);
    }

    /// <summary>
    /// The maximum allowable offer when the wholesaler keeps a fee: ARV × 70% − repairs − the wholesale fee (whole
    /// dollars, rounded down, never below zero). The margin is the ARV minus repairs minus that offer.
    /// </summary>
    public static OfferCalculation ForOffer(decimal afterRepairValue, decimal repairCost, decimal wholesaleFee)
    {
        if (wholesaleFee < 0) throw new ArgumentOutOfRangeException(nameof(wholesaleFee), "The wholesale fee cannot be negative.");
        var rule = Calculate(afterRepairValue, repairCost);
        var maximum = Math.Max(0m, Math.Floor(afterRepairValue * MaximumAllowableOfferRatio - repairCost - wholesaleFee));
        return new OfferCalculation(rule.AfterRepairValue, rule.RepairCost, wholesaleFee, maximum, afterRepairValue - repairCost - maximum);
    }
}

/// <param name="MaximumAllowableOffer">ARV × 70% − repairs − wholesale fee, whole dollars, never below zero.</param>
/// <param name="Margin">ARV minus repairs minus the maximum allowable offer.</param>
public sealed record OfferCalculation(decimal AfterRepairValue, decimal Repairs, decimal WholesaleFee, decimal MaximumAllowableOffer, decimal Margin);

/// <param name="WholesalePrice">The maximum allowable offer: 70% of ARV minus repairs, never below zero.</param>
/// <param name="ProfitMargin">ARV minus repairs minus the wholesale price.</param>
public sealed record WholesaleOffer(decimal AfterRepairValue, decimal RepairCost, decimal WholesalePrice, decimal ProfitMargin);
