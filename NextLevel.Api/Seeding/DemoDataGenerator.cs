using Bogus;
using MongoDB.Bson;
using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Scoring;
using NextLevel.Domain.Valuation;

namespace NextLevel.Api.Seeding;

/// <summary>
/// Generates realistic, mutually consistent demo data, deterministic for a seed: the same seed and lead count
/// give the same documents, ids included. Leads arrive over the last 120 days from the three sources; each has
/// a contact (5% are repeat people from another source), a property valued by the 70% rule, consent, and calls,
/// transcripts and consent events that agree with its status. [Not thread-safe: one generator per run]
/// </summary>
internal sealed partial class DemoDataGenerator
{
    private const string ConsentText = "By submitting this form I agree that Next Level Real Estate may call and text me at the number provided, including by automated and artificial-voice calls, about my property inquiry. Consent is not a condition of any purchase.";
    private static readonly string[] Motivations = ["relocation", "financial_hardship", "inherited", "probate", "divorce", "tired_landlord", "downsizing", "foreclosure"];
    private static readonly string[] Timeframes = ["asap", "30_days", "60_days", "90_days", "6_months", "just_curious"];
    private static readonly string[] RepairItems = ["roof", "hvac", "plumbing", "electrical", "foundation", "kitchen", "bathroom", "windows", "flooring"];

    private readonly Faker _faker;
    private readonly DateTime _now;
    private readonly IReadOnlyList<Campaign> _campaigns;
    private readonly NextLevel.Domain.Compliance.Ledger.ConsentChainBuilder _consentChains = new();
    private int _objectIdCounter;

    public DemoDataGenerator(int seed, DateTime now)
    {
        _faker = new Faker("en") { Random = new Randomizer(seed) };
        _now = now;
        _campaigns = DemoCampaigns.Create(now, NewId);
    }

    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    /// <summary>Deterministic ObjectIds: a fixed timestamp (200 days before "now") and a counter, so reruns produce the same ids.</summary>
    public ObjectId NewId()
    {
        var counter = Interlocked.Increment(ref _objectIdCounter);
        var bytes = new byte[12];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, (int)(new DateTimeOffset(_now).ToUnixTimeSeconds() - 86_400 * 200));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), 0x4e4c_0000_0000_0000L | (uint)counter);
        return new ObjectId(bytes);
    }

    public SeedBatch GenerateBatch(int firstIndex, int count)
    {
        var batch = new SeedBatch();
        for (var i = firstIndex; i < firstIndex + count; i++) GenerateLead(i, batch);
        return batch;
    }

    private void GenerateLead(int index, SeedBatch batch)
    {
        var market = _faker.PickRandom(DemoMarket.All);
        var source = _faker.Random.WeightedRandom([LeadSource.Zillow, LeadSource.GoogleAds, LeadSource.RealGeeks], [0.45f, 0.35f, 0.20f]);
        var receivedAt = _now.AddMinutes(-_faker.Random.Double(5, 120 * 24 * 60));
        receivedAt = new DateTime(receivedAt.Ticks - receivedAt.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

        var contact = PickContact(index, market, source, receivedAt, batch);
        var property = CreateProperty(index, market, receivedAt);
        var lead = CreateLead(index, source, receivedAt, contact, property, market);

        contact.LeadIds.Add(lead.Id);
        property.LeadIds.Add(lead.Id);
        lead.ContactId = contact.Id;
        batch.Leads.Add(lead);
        batch.Properties.Add(property);
        batch.Events.Add(Event("lead_received", receivedAt, lead, value: null));

        AddConsentEvents(lead, batch);
        AddCalls(lead, batch);
    }

    private Contact PickContact(int index, DemoMarket market, LeadSource source, DateTime receivedAt, SeedBatch batch)
    {
        // About one lead in twenty is a person we already know from another source in this batch.
        if (batch.Contacts.Count > 0 && _faker.Random.Bool(0.05f))
        {
            var known = _faker.PickRandom(batch.Contacts);
            if (!known.Sources.Contains(source)) known.Sources.Add(source);
            if (receivedAt > known.LastSeenAt) known.LastSeenAt = receivedAt;
            if (receivedAt < known.FirstSeenAt) known.FirstSeenAt = receivedAt;
            return known;
        }

        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        // The index makes phones and e-mails unique across the run; the area code matches the market.
        var phone = $"+1{_faker.PickRandom(market.AreaCodes)}{2_000_000 + index % 7_999_999:D7}";
        var email = $"{Slug(first)}.{Slug(last)}.{index}@{_faker.PickRandom("example.com", "example.net", "example.org")}";
        var contact = new Contact
        {
            Id = NewId(),
            FirstName = first,
            LastName = last,
            Phone = phone,
            Email = email,
            Address = new PostalAddress { Street = _faker.Address.StreetAddress(), City = market.City, State = market.State, ZipCode = market.ZipPrefix + _faker.Random.Int(10, 99) },
            Sources = [source],
            FirstSeenAt = receivedAt,
            LastSeenAt = receivedAt,
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
        };
        batch.Contacts.Add(contact);
        return contact;
    }

    private static Listing Listed(DateTime receivedAt, int daysOnMarket) => new()
    {
        Active = true,
        ListedDate = DateTime.SpecifyKind(receivedAt.AddDays(-daysOnMarket).Date, DateTimeKind.Utc),
        DaysOnMarket = daysOnMarket,
    };

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetter)]);

    private Property CreateProperty(int index, DemoMarket market, DateTime receivedAt)
    {
        var street = $"{100 + index % 9_800} {_faker.Address.StreetName()} {_faker.PickRandom("St", "Ave", "Rd", "Ln", "Dr", "Ct")}";
        var zip = market.ZipPrefix + _faker.Random.Int(10, 99);
        var repairs = Enumerable.Range(0, _faker.Random.Int(0, 4))
            .Select(_ => new RepairNeed { Item = _faker.PickRandom(RepairItems), Severity = _faker.PickRandom("minor", "moderate", "major"), EstimatedCost = _faker.Random.Int(5, 300) * 100m })
            .DistinctBy(r => r.Item).ToList();
        var repairCost = repairs.Sum(r => r.EstimatedCost);
        var arv = _faker.Random.Int(180, 650) * 1_000m;
        var offer = WholesaleValuation.Calculate(arv, repairCost);
        var listPrice = Math.Round(arv * (decimal)_faker.Random.Double(0.78, 0.95) / 1000m) * 1000m;
        var ownedSince = receivedAt.AddDays(-_faker.Random.Int(365, 365 * 30)).Date;
        var lastSale = Math.Round(listPrice * (decimal)_faker.Random.Double(0.35, 0.9) / 1000m) * 1000m;
        var mortgage = Math.Round(lastSale * (decimal)_faker.Random.Double(0, 0.8) / 1000m) * 1000m;
        var equity = listPrice - mortgage;
        var squareFeet = _faker.Random.Int(850, 3_600);

        return new Property
        {
            Id = NewId(),
            Address = new PropertyAddress { Street = street, City = market.City, State = market.State, ZipCode = zip, County = market.County, Formatted = $"{street}, {market.City}, {market.State} {zip}" },
            Zpid = _faker.Random.Bool(0.7f) ? (40_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ParcelId = _faker.Random.ReplaceNumbers("##########"),
            Type = _faker.Random.WeightedRandom([PropertyType.SingleFamily, PropertyType.Condo, PropertyType.Townhouse, PropertyType.MultiFamily], [0.65f, 0.12f, 0.13f, 0.10f]),
            Bedrooms = _faker.Random.Int(2, 5),
            Bathrooms = _faker.Random.Int(2, 7) / 2.0,
            SquareFeet = squareFeet,
            LotSize = _faker.Random.Int(2_000, 12_000),
            YearBuilt = _faker.Random.Int(1925, 2015),
            Stories = _faker.Random.Int(1, 3),
            Condition = repairCost > 15_000m ? PropertyCondition.Poor : repairCost > 0 ? PropertyCondition.NeedsWork : _faker.PickRandom(PropertyCondition.Fair, PropertyCondition.Good, PropertyCondition.Excellent),
            Features = [.. _faker.Random.ListItems(new[] { "hardwood_floors", "updated_kitchen", "finished_basement", "fenced_yard", "garage", "pool" }, _faker.Random.Int(0, 3))],
            RepairNeeds = repairs,
            TotalRepairCost = repairCost,
            Valuation = new PropertyValuation
            {
                ListPrice = listPrice,
                Zestimate = Math.Round(arv * (decimal)_faker.Random.Double(0.85, 1.0) / 1000m) * 1000m,
                RentZestimate = Math.Round(arv * 0.006m / 50m) * 50m,
                TaxAssessedValue = Math.Round(listPrice * 0.92m / 1000m) * 1000m,
                AfterRepairValue = arv,
                WholesalePrice = offer.WholesalePrice,
                ProfitMargin = offer.ProfitMargin,
                UpdatedAt = receivedAt,
            },
            Comparables = [.. Enumerable.Range(0, 3).Select(_ =>
            {
                var sqft = squareFeet + _faker.Random.Int(-250, 250);
                var sold = Math.Round(arv * (decimal)_faker.Random.Double(0.92, 1.08) / 1000m) * 1000m;
                return new Comparable
                {
                    Address = $"{_faker.Random.Int(100, 9_999)} {_faker.Address.StreetName()} St, {market.City}, {market.State} {zip}",
                    Distance = Math.Round(_faker.Random.Double(0.1, 1.5), 1),
                    SoldDate = receivedAt.AddDays(-_faker.Random.Int(10, 180)).Date,
                    SoldPrice = sold,
                    Bedrooms = _faker.Random.Int(2, 5),
                    Bathrooms = _faker.Random.Int(2, 6) / 2.0,
                    SquareFeet = sqft,
                    PricePerSqFt = Math.Round(sold / sqft, 1),
                };
            })],
            MarketData = new MarketData
            {
                MedianHomePrice = Math.Round(arv * 1.08m / 1000m) * 1000m,
                AvgDaysOnMarket = _faker.Random.Int(10, 75),
                PricePerSqFt = Math.Round(arv / squareFeet),
                InventoryLevel = _faker.PickRandom("low", "balanced", "high"),
                MarketTrend = _faker.Random.WeightedRandom([MarketTrend.Appreciating, MarketTrend.Stable, MarketTrend.Declining], [0.5f, 0.35f, 0.15f]),
                DemandScore = Math.Round(_faker.Random.Double(0.3, 0.95), 2),
                NeighborhoodRating = _faker.PickRandom("A", "A-", "B+", "B", "B-", "C+"),
            },
            Owner = new PropertyOwner
            {
                Name = _faker.Name.FullName(),
                OwnedSince = DateTime.SpecifyKind(ownedSince, DateTimeKind.Utc),
                OwnershipYears = Math.Round((receivedAt - ownedSince).TotalDays / 365.25, 1),
                LastSalePrice = lastSale,
                Equity = equity,
                EquityPercent = listPrice == 0 ? 0 : Math.Round((double)(equity / listPrice), 2),
            },
            Liens = mortgage > 0 ? [new Lien { Type = "mortgage", Amount = mortgage, Holder = _faker.Company.CompanyName() + " Bank" }] : [],
            Listing = _faker.Random.Bool(0.4f) ? Listed(receivedAt, _faker.Random.Int(1, 60)) : null,
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
            DataSource = "demo_seed",
        };
    }
}
