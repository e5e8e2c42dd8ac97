using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Scoring;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>
/// Stores one normalised lead, whatever its source: DNC check, qualification score, campaign and first
/// follow-up, then the lead itself (the unique index source_1_externalId_1 makes a repeated delivery — also a
/// concurrent one — return the stored lead and write nothing), then contact, property and consent together.
/// Only the database is called; nothing slow or external.
/// [Singleton - thread-safe: no mutable state besides the campaign cache.]
/// </summary>
internal sealed class LeadIntakeService(
    IMongoDatabase database,
    ActiveCampaigns activeCampaigns,
    DncLookup dnc,
    ContactLinker contacts,
    PropertyLinker properties,
    TimeProvider time,
    ILogger<LeadIntakeService> logger)
{
    public const string TestTag = "test";

    /// <summary>Company policy: a written consent is relied on for one year.</summary>
    public static readonly TimeSpan ConsentLifetime = TimeSpan.FromDays(365);

    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly ConsentLedger _ledger = new(database);

    public async Task<IntakeResponse> IngestAsync(NormalizedLead lead, IntakeContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // Reads first, all at once: nothing is written before the lead's own insert wins.
        var campaignsTask = activeCampaigns.GetAsync(cancellationToken);
        var dncTask = dnc.CheckAsync(lead.Contact, now, cancellationToken);
        var contactTask = contacts.PlanAsync(lead.Contact, cancellationToken);
        var propertyTask = properties.PlanAsync(lead, cancellationToken);
        await Task.WhenAll(campaignsTask, dncTask, contactTask, propertyTask);
        var contactPlan = await contactTask;
        var propertyPlan = await propertyTask;

        var document = Build(lead, context, now, await campaignsTask, await dncTask, contactPlan.ContactId, propertyPlan?.PropertyId);
        try
        {
            await _leads.InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            var stored = await _leads.Find(l => l.Source == lead.Source && l.ExternalId == lead.ExternalId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException("A duplicate-key insert found no stored lead for its source and external id.");
            IntakeLog.Duplicate(logger, stored.Id, StoredEnum.Name(lead.Source));
            return IntakeResponse.From(stored, duplicate: true);
        }

        // The lead is ours: link contact and property and log consent concurrently.
        var linkContact = contacts.LinkAsync(contactPlan, document.Id, lead.Source, lead.Contact, now, cancellationToken);
        var linkProperty = propertyPlan is null ? Task.FromResult<ObjectId?>(null) : LinkPropertyAsync(propertyPlan, document.Id, lead, now, cancellationToken);
        var logConsent = lead.Consent is null ? Task.CompletedTask : _ledger.AppendAsync(ConsentEvent(document, lead.Consent, context, now), expectNewChain: contactPlan.Existing is null, cancellationToken);
        await Task.WhenAll(linkContact, linkProperty, logConsent);

        var contactId = await linkContact;
        var propertyId = await linkProperty;
        if (contactId != document.ContactId || propertyId != document.PropertyId)
        {
            // Only after a lost race on a new contact or property: point the lead at the winner.
            var fix = Builders<Lead>.Update.Set(l => l.ContactId, contactId).Set(l => l.PropertyId, propertyId);
            await _leads.UpdateOneAsync(l => l.Id == document.Id, fix, cancellationToken: cancellationToken);
            document.ContactId = contactId;
            document.PropertyId = propertyId;
        }

        IntakeLog.LeadCreated(logger, document.Id, StoredEnum.Name(lead.Source), document.CampaignId);
        return IntakeResponse.From(document, duplicate: false);
    }

    private async Task<ObjectId?> LinkPropertyAsync(PropertyPlan plan, ObjectId leadId, NormalizedLead lead, DateTime now, CancellationToken cancellationToken) =>
        await properties.LinkAsync(plan, leadId, lead, now, cancellationToken);

    private static Lead Build(NormalizedLead lead, IntakeContext context, DateTime now, List<Campaign> campaigns, DncStatus dnc, ObjectId contactId, ObjectId? propertyId)
    {
        var consent = lead.Consent is { } c ? LeadConsentOf(c, context, now) : new LeadConsent();
        var scoring = new ScoringInput(
            lead.Source, lead.Intent?.Type, lead.Intent?.Urgency, lead.Intent?.Motivation.Count ?? 0, lead.Intent?.Timeframe,
            lead.EstimatedEquity, lead.EstimatedValue, lead.PropertyType, lead.Condition, lead.Contact.Phone is not null, consent.HasWrittenConsent);
        var qualification = LeadScoring.Score(scoring, ScoringPolicy.Default, now);

        // Test leads (Google's form test button) are stored but never assigned or scheduled: nobody calls them.
        var campaign = context.IsTest ? null : CampaignMatcher.BestMatch(campaigns, new CampaignMatchInput(
            lead.Source, lead.Intent?.Type, lead.Contact.Address?.State, lead.Contact.Address?.City, lead.Contact.Address?.ZipCode,
            lead.PropertyType, lead.EstimatedValue, qualification.Score), now);
        if (campaign is not null) qualification = LeadScoring.Score(scoring, PolicyOf(campaign.Targeting.Qualification), now);

        var tags = lead.Tags.ToList();
        if (context.IsTest && !tags.Contains(TestTag)) tags.Add(TestTag);

        return new Lead
        {
            Id = ObjectId.GenerateNewId(),
            Source = lead.Source,
            ExternalId = lead.ExternalId,
            ReceivedAt = now,
            Contact = lead.Contact,
            ContactId = contactId,
            PropertyId = propertyId,
            PropertyAddress = lead.FormattedAddress,
            Intent = lead.Intent,
            Qualification = qualification,
            CampaignId = campaign?.Id,
            CampaignName = campaign?.Name,
            AssignedAt = campaign is null ? null : now,
            NextFollowUp = campaign is null ? null : FollowUpSchedule.FirstFollowUp(now, campaign.Workflow.InitialContact, campaign.Schedule.CallingHours),
            Consent = consent,
            DncStatus = dnc,
            Status = LeadStatus.New,
            Stage = LeadStage.New,
            Tags = tags,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = context.Actor,
            UpdatedBy = context.Actor,
        };
    }

    /// <summary>The campaign's bar for "qualified"; unset parts fall back to the default policy.</summary>
    internal static ScoringPolicy PolicyOf(TargetQualification q) => new(
        q.MinScore ?? ScoringPolicy.Default.MinScore,
        q.MinEquity ?? ScoringPolicy.Default.MinEquity,
        q.MaxPrice ?? ScoringPolicy.Default.MaxPrice,
        q.PropertyTypes.Count > 0 ? q.PropertyTypes : ScoringPolicy.Default.PropertyTypes);

    private static LeadConsent LeadConsentOf(SubmittedConsent consent, IntakeContext context, DateTime now)
    {
        var given = consent.GivenAt is { } at && at <= now ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : now;
        return new LeadConsent
        {
            HasWrittenConsent = true,
            ConsentMethod = consent.Method,
            ConsentDate = given,
            ConsentSource = consent.Source,
            ConsentText = consent.Text,
            ExpiresAt = given + ConsentLifetime,
            IpAddress = consent.IpAddress ?? context.IpAddress,
            UserAgent = consent.UserAgent ?? context.UserAgent,
            AutomatedCallsAllowed = consent.AutomatedCallsAllowed,
            TextMessagesAllowed = consent.TextMessagesAllowed,
        };
    }

    private static ConsentLog ConsentEvent(Lead lead, SubmittedConsent submitted, IntakeContext context, DateTime now) => new()
    {
        LeadId = lead.Id,
        Phone = lead.Contact.Phone,
        Email = lead.Contact.Email,
        EventType = ConsentEventType.ConsentGranted,
        ConsentDetails = new ConsentDetails
        {
            Method = submitted.Method,
            Source = lead.Consent.ConsentSource,
            ConsentText = lead.Consent.ConsentText,
            AutomatedCallsAllowed = submitted.AutomatedCallsAllowed,
            TextMessagesAllowed = submitted.TextMessagesAllowed,
            ExpiresAt = lead.Consent.ExpiresAt,
        },
        IpAddress = lead.Consent.IpAddress,
        UserAgent = lead.Consent.UserAgent,
        Timestamp = lead.Consent.ConsentDate ?? now,
        RecordedBy = context.Actor,
    };
}
