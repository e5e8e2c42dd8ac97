namespace NextLevel.Web.ApiClient.Models;

public sealed record PropertyAddress(string? Street, string? Unit, string? City, string? State, string? ZipCode, string? County, string? Formatted);

public sealed record RepairNeed(string? Item, string? Severity, double? EstimatedCost);

public sealed record PropertyValuation(
    double? ListPrice, double? Zestimate, double? RentZestimate, double? TaxAssessedValue, double? AfterRepairValue,
    double? WholesalePrice, double? ProfitMargin, DateTimeOffset? UpdatedAt);

public sealed record Comparable(
    string? Address, double? Distance, DateTimeOffset? SoldDate, double? SoldPrice, int? Bedrooms, double? Bathrooms, int? SquareFeet, double? PricePerSqFt);

public sealed record PropertyOwner(DateTimeOffset? OwnedSince, double? LastSalePrice, double? Equity, double? EquityPercent);

public sealed record Property(
    string Id, PropertyAddress? Address, string? Type, int? Bedrooms, double? Bathrooms, int? SquareFeet, int? YearBuilt,
    string? Condition, IReadOnlyList<RepairNeed>? RepairNeeds, double? TotalRepairCost, PropertyValuation? Valuation,
    IReadOnlyList<Comparable>? Comparables, PropertyOwner? Owner);

/// <summary>The valuation as the 70% rule computes it (Domain's WholesaleValuation, on the Api), with the owner's equity.</summary>
public sealed record ValuationView(double? AfterRepairValue, double RepairCost, double? WholesalePrice, double? ProfitMargin,
    double? CurrentValue, double? Equity, double? EquityFraction, DateTimeOffset? UpdatedAt);

public sealed record ComparablesSummary(int Count, double MedianSoldPrice, double? MedianPricePerSqFt);

public sealed record PropertyDetail(Property Property, ValuationView Valuation, IReadOnlyList<Comparable> Comparables, ComparablesSummary? ComparablesSummary);
