using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Seeding;

/// <summary>The documents generated for one slice of leads, mutually consistent and ready to insert.</summary>
internal sealed class SeedBatch
{
    public List<Lead> Leads { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<Property> Properties { get; } = [];

    public List<Call> Calls { get; } = [];

    public List<CallTranscript> Transcripts { get; } = [];

    public List<ConsentLog> ConsentLogs { get; } = [];

    public List<DncEntry> DncEntries { get; } = [];

    public List<AnalyticsEvent> Events { get; } = [];
}
