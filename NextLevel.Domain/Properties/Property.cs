using MongoDB.Bson;

namespace NextLevel.Domain.Properties;

public enum PropertyType
{
    SingleFamily = 1,
    Condo = 2,
    Townhouse = 3,
    MultiFamily = 4,
}

public enum PropertyCondition
{
    Excellent = 1,
    Good = 2,
    Fair = 3,
    NeedsWork = 4,
    Poor = 5,
}

public enum MarketTrend
{
    Appreciating = 1,
    Stable = 2,
    Declining = 3,
}

/// <summary>A property (collection <c>properties</c>): details, valuation by the 70% rule, comparables and market data.</summary>
public sealed class Property
{
    public ObjectId Id { get; set; }

    public PropertyAddress Address { get; set; } = new();

    /// <summary>Zillow property id.</summary>
    public string? Zpid { get; set; }

    public string? ParcelId { get; set; }

    public string? MlsNumber { get; set; }

    public PropertyType? Type { get; set; }

    public int? Bedrooms { get; set; }

    public double? Bathrooms { get; set; }

    public int? SquareFeet { get; set; }

    public int? LotSize { get; set; }

    public int? YearBuilt { get; set; }

    public int? Stories { get; set; }

    public string? Garage { get; set; }

    public PropertyCondition? Condition { get; set; }

    public List<string> Features { get; set; } = [];

    public List<RepairNeed> RepairNeeds { get; set; } = [];

    public decimal TotalRepairCost { get; set; }

    public PropertyValuation? Valuation { get; set; }

    public List<Comparable> Comparables { get; set; } = [];

    public MarketData? MarketData { get; set; }

    public PropertyOwner? Owner { get; set; }

    public List<Lien> Liens { get; set; } = [];

    public Listing? Listing { get; set; }

    public List<ObjectId> LeadIds { get; set; } = [];

    /// <summary>Offers made on the property and their negotiation (issue 10; docs/closers.md).</summary>
    public List<Closers.Offers.Offer> Offers { get; set; } = [];

    /// <summary>The deal made from an accepted offer, if any.</summary>
    public Closers.Deals.Deal? Deal { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Which source the data came from (zillow, google_ads, realgeeks, manual).</summary>
    public string? DataSource { get; set; }
}

public sealed class PropertyAddress
{
    public string Street { get; set; } = "";

    public string? Unit { get; set; }

    public string City { get; set; } = "";

    public string State { get; set; } = "";

    public string ZipCode { get; set; } = "";

    public string? County { get; set; }

    /// <summary>"123 Main St, Seattle, WA 98101": unique per property (index address.formatted_1).</summary>
    public string Formatted { get; set; } = "";
}

public sealed class RepairNeed
{
    public string Item { get; set; } = "";

    /// <summary>minor, moderate, major.</summary>
    public string Severity { get; set; } = "";

    public decimal EstimatedCost { get; set; }
}

/// <summary>Valuation; wholesalePrice and profitMargin come from <see cref="Valuation.WholesaleValuation"/>.</summary>
public sealed class PropertyValuation
{
    public decimal? ListPrice { get; set; }

    public decimal? Zestimate { get; set; }

    public decimal? RentZestimate { get; set; }

    public decimal? TaxAssessedValue { get; set; }

    /// <summary>After-repair value (ARV).</summary>
    public decimal? AfterRepairValue { get; set; }

    /// <summary>70% of ARV minus repairs.</summary>
    public decimal? WholesalePrice { get; set; }

    /// <summary>ARV minus repairs minus wholesale price.</summary>
    public decimal? ProfitMargin { get; set; }

    public DateTime? UpdatedAt { get; set; }
}

public sealed class Comparable
{
    public string Address { get; set; } = "";

    /// <summary>Miles from the subject property.</summary>
    public double Distance { get; set; }

    public DateTime SoldDate { get; set; }

    public decimal SoldPrice { get; set; }

    public int? Bedrooms { get; set; }

    public double? Bathrooms { get; set; }

    public int? SquareFeet { get; set; }

    public decimal? PricePerSqFt { get; set; }
}

public sealed class MarketData
{
    public decimal? MedianHomePrice { get; set; }

    public int? AvgDaysOnMarket { get; set; }

    public decimal? PricePerSqFt { get; set; }

    /// <summary>low, balanced, high.</summary>
    public string? InventoryLevel { get; set; }

    public MarketTrend? MarketTrend { get; set; }

    /// <summary>0..1.</summary>
    public double? DemandScore { get; set; }

    public string? NeighborhoodRating { get; set; }
}

public sealed class PropertyOwner
{
    public string? Name { get; set; }

    public DateTime? OwnedSince { get; set; }

    public double? OwnershipYears { get; set; }

    public decimal? LastSalePrice { get; set; }

    public decimal? Equity { get; set; }

    public double? EquityPercent { get; set; }
}

public sealed class Lien
{
    public string Type { get; set; } = "";

    public decimal Amount { get; set; }

    public string? Holder { get; set; }
}

public sealed class Listing
{
    public bool Active { get; set; }

    public DateTime? ListedDate { get; set; }

    public int? DaysOnMarket { get; set; }

    public string? ListingUrl { get; set; }

    public List<string> Photos { get; set; } = [];

    public string? VirtualTourUrl { get; set; }
}
