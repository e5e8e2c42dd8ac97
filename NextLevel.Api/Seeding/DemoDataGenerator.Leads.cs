using MongoDB.Bson;
using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Scoring;

namespace NextLevel.Api.Seeding;

internal sealed partial class DemoDataGenerator
{
    private Lead CreateLead(int index, LeadSource source, DateTime receivedAt, Contact contact, Property property, DemoMarket market)
    {
        var campaign = _campaigns.FirstOrDefault(c => c.Status != Domain.Campaigns.CampaignStatus.Completed && c.Targeting.Geography.States.Contains(market.State)) ?? _campaigns[0];
        var urgency = _faker.Random.WeightedRandom([Level.High, Level.Medium, Level.Low], [0.35f, 0.4f, 0.25f]);
        var motivation = _faker.Random.ListItems(Motivations, _faker.Random.Int(0, 2)).ToList();
        var timeframe = _faker.PickRandom(Timeframes);
        var intent = _faker.Random.WeightedRandom([IntentType.Seller, IntentType.Investor, IntentType.Buyer], [0.85f, 0.1f, 0.05f]);
        var hasConsent = _faker.Random.Bool(0.93f);
        var equity = property.Owner?.EquityPercent;

        var qualification = LeadScoring.Score(
            new ScoringInput(source, intent, urgency, motivation.Count, timeframe, equity, property.Valuation?.ListPrice, property.Type, property.Condition, HasPhone: true, hasConsent),
            ScoringPolicy.Default,
            receivedAt.AddMinutes(2));

        var (status, stage) = Lifecycle(receivedAt, qualification.Qualified);
        var consentDate = receivedAt.AddMinutes(-_faker.Random.Int(1, 30));
        var prefix = source switch { LeadSource.GoogleAds => "GGL", LeadSource.Zillow => "ZIL", _ => "RG" };

        return new Lead
        {
            Id = NewId(),
            Source = source,
            ExternalId = $"{prefix}-{10_000_000 + index}",
            ReceivedAt = receivedAt,
            Contact = new LeadContact
            {
                FirstName = contact.FirstName,
                LastName = contact.LastName,
                Email = contact.Email,
                Phone = contact.Phone,
                Address = contact.Address,
            },
            PropertyId = property.Id,
            PropertyAddress = property.Address.Formatted,
            Intent = new LeadIntent
            {
                Type = intent,
                Message = _faker.PickRandom("Need to sell quickly due to relocation", "Inherited the house and want a cash offer", "Behind on payments, need options", "Tired of being a landlord", "Just want to know what it's worth", "House needs too much work for us"),
                Urgency = urgency,
                Timeframe = timeframe,
                Motivation = motivation,
            },
            Qualification = qualification,
            CampaignId = campaign.Id,
            CampaignName = campaign.Name,
            AssignedAt = receivedAt.AddSeconds(_faker.Random.Int(1, 30)),
            Consent = hasConsent
                ? new LeadConsent
                {
                    HasWrittenConsent = true,
                    ConsentMethod = ConsentMethod.WebForm,
                    ConsentDate = consentDate,
                    ConsentSource = source switch { LeadSource.GoogleAds => "google_ads_lead_form", LeadSource.Zillow => "zillow_lead_form", _ => "realgeeks_idx_form" },
                    ConsentText = ConsentText,
                    ExpiresAt = consentDate.AddYears(1),
                    IpAddress = _faker.Internet.Ip(),
                    UserAgent = _faker.Internet.UserAgent(),
                    AutomatedCallsAllowed = true,
                    TextMessagesAllowed = _faker.Random.Bool(0.9f),
                }
                : new LeadConsent(),
            DncStatus = new DncStatus
            {
                OnNationalRegistry = status == LeadStatus.Dnc && _faker.Random.Bool(0.3f),
                InternalDNC = status == LeadStatus.Dnc,
                LastCheckedAt = receivedAt.AddSeconds(_faker.Random.Int(1, 60)),
                CheckedBy = "system",
            },
            Status = status,
            Stage = stage,
            Enrichment = _faker.Random.Bool(0.6f) ? new LeadEnrichment { CreditScore = _faker.Random.Int(540, 820), EstimatedIncome = _faker.Random.Int(35, 180) * 1_000m, HomeOwnership = true, PropertyCount = _faker.Random.Int(1, 3) } : null,
            Tags = [.. motivation.Take(1).Select(m => m == "financial_hardship" ? "motivated_seller" : m), campaign.Type.ToString().ToLowerInvariant()],
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
            CreatedBy = "system",
            UpdatedBy = "system",
        };
    }

    /// <summary>Status and stage that agree with each other and with how long ago the lead arrived.</summary>
    private (LeadStatus, LeadStage) Lifecycle(DateTime receivedAt, bool qualified)
    {
        if (_now - receivedAt < TimeSpan.FromHours(2) && _faker.Random.Bool(0.7f)) return (LeadStatus.New, LeadStage.New);
        if (_faker.Random.Bool(0.02f)) return (LeadStatus.Dnc, LeadStage.Lost);
        if (qualified)
        {
            return _faker.Random.WeightedRandom(
                [(LeadStatus.Qualified, LeadStage.Qualified), (LeadStatus.Qualified, LeadStage.SiteVisit), (LeadStatus.Qualified, LeadStage.OfferMade), (LeadStatus.Qualified, LeadStage.Negotiation), (LeadStatus.Converted, LeadStage.Closed), (LeadStatus.Lost, LeadStage.Lost)],
                [0.35f, 0.2f, 0.12f, 0.08f, 0.1f, 0.15f]);
        }
        return _faker.Random.WeightedRandom(
            [(LeadStatus.Contacted, LeadStage.Contacted), (LeadStatus.Nurturing, LeadStage.Contacted), (LeadStatus.Lost, LeadStage.Lost), (LeadStatus.New, LeadStage.New)],
            [0.35f, 0.35f, 0.2f, 0.1f]);
    }

    private void AddConsentEvents(Lead lead, SeedBatch batch)
    {
        if (lead.Consent.HasWrittenConsent)
        {
            AddConsentLog(batch, new ConsentLog
            {
                Id = NewId(),
                LeadId = lead.Id,
                Phone = lead.Contact.Phone,
                Email = lead.Contact.Email,
                EventType = ConsentEventType.ConsentGranted,
                ConsentDetails = new ConsentDetails
                {
                    Method = lead.Consent.ConsentMethod ?? ConsentMethod.WebForm,
                    Source = lead.Consent.ConsentSource,
                    ConsentText = lead.Consent.ConsentText,
                    AutomatedCallsAllowed = lead.Consent.AutomatedCallsAllowed,
                    TextMessagesAllowed = lead.Consent.TextMessagesAllowed,
                    ExpiresAt = lead.Consent.ExpiresAt,
                },
                IpAddress = lead.Consent.IpAddress,
                UserAgent = lead.Consent.UserAgent,
                Timestamp = lead.Consent.ConsentDate!.Value,
                RecordedBy = "system",
                Verified = true,
                VerifiedAt = lead.Consent.ConsentDate.Value.AddSeconds(5),
                VerificationMethod = "double_opt_in_email",
            });
        }

        if (lead.Status != LeadStatus.Dnc) return;
        var revokedAt = lead.ReceivedAt.AddHours(_faker.Random.Int(1, 72));
        AddConsentLog(batch, new ConsentLog { Id = NewId(), LeadId = lead.Id, Phone = lead.Contact.Phone, EventType = ConsentEventType.ConsentRevoked, Timestamp = revokedAt, RecordedBy = "sms_inbound", Verified = true, VerifiedAt = revokedAt, VerificationMethod = "keyword_stop" });
        AddConsentLog(batch, new ConsentLog { Id = NewId(), LeadId = lead.Id, Phone = lead.Contact.Phone, EventType = ConsentEventType.DncAdded, Timestamp = revokedAt.AddSeconds(1), RecordedBy = "system" });
        // A repeat person may have several DNC leads: the registry holds one entry per phone and list.
        AddDncEntry(batch, new DncEntry { Id = NewId(), Phone = lead.Contact.Phone!, Source = DncSource.Internal, Reason = "consumer replied STOP", AddedAt = revokedAt.AddSeconds(1), AddedBy = "sms_inbound", LeadId = lead.Id });
        if (lead.DncStatus.OnNationalRegistry)
            AddDncEntry(batch, new DncEntry { Id = NewId(), Phone = lead.Contact.Phone!, Source = DncSource.National, Reason = "national registry scrub", AddedAt = lead.ReceivedAt.AddDays(-_faker.Random.Int(30, 900)) });
    }

    /// <summary>Links the entry into its ledger chain (generation order), as ConsentLedger would on append.</summary>
    private void AddConsentLog(SeedBatch batch, ConsentLog entry)
    {
        _consentChains.Link(entry);
        batch.ConsentLogs.Add(entry);
    }

    private static void AddDncEntry(SeedBatch batch, DncEntry entry)
    {
        if (!batch.DncEntries.Exists(e => e.Phone == entry.Phone && e.Source == entry.Source)) batch.DncEntries.Add(entry);
    }

    private AnalyticsEvent Event(string type, DateTime at, Lead lead, decimal? value, ObjectId? callId = null) => new()
    {
        Id = NewId(),
        Type = type,
        OccurredAt = at,
        LeadId = lead.Id,
        CampaignId = lead.CampaignId,
        CallId = callId,
        Source = Domain.Persistence.StoredEnum.Name(lead.Source),
        Value = value,
        ExpiresAt = at.AddDays(400),
    };
}
