using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Leads;

public enum TimelineEntryKind
{
    Received = 1,
    ContactAttempt = 2,
    Call = 3,
    Transcript = 4,
    ConsentEvent = 5,
}

/// <summary>One thing that happened to a lead, with the id of the document it comes from.</summary>
public sealed record TimelineEntry(DateTime At, TimelineEntryKind Kind, string Summary, ObjectId? ReferenceId);

/// <summary>
/// Everything that happened to one lead, oldest first: receipt, contact attempts, calls, transcripts and consent
/// events. Each part reads through an index on leadId (calls leadId_1_initiatedAt_-1, call_transcripts leadId_1,
/// consent_logs leadId_1_timestamp_-1), and the parts are read concurrently.
/// </summary>
public sealed class LeadTimelineQuery(IMongoDatabase database)
{
    public async Task<IReadOnlyList<TimelineEntry>?> ForLeadAsync(ObjectId leadId, CancellationToken cancellationToken = default)
    {
        var leadTask = database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        var callsTask = database.GetCollection<Call>(CollectionNames.Calls).Find(c => c.LeadId == leadId).SortByDescending(c => c.InitiatedAt).ToListAsync(cancellationToken);
        var transcriptsTask = database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts).Find(t => t.LeadId == leadId)
            .Project(t => new { t.Id, t.CallId, t.CreatedAt, t.TotalMessages, t.Duration }).ToListAsync(cancellationToken);
        var consentTask = new ConsentLedger(database).ForLeadAsync(leadId, cancellationToken);
        await Task.WhenAll(leadTask, callsTask, transcriptsTask, consentTask);

        var lead = await leadTask;
        if (lead is null) return null;

        var entries = new List<TimelineEntry> { new(lead.ReceivedAt, TimelineEntryKind.Received, $"Received from {StoredEnum.Name(lead.Source)}", lead.Id) };
        entries.AddRange(lead.ContactAttempts.Select(a => new TimelineEntry(a.Timestamp, TimelineEntryKind.ContactAttempt,
            $"{StoredEnum.Name(a.Type)}: {a.Outcome}", a.CallId ?? a.AttemptId)));
        entries.AddRange((await callsTask).Select(c => new TimelineEntry(c.InitiatedAt, TimelineEntryKind.Call,
            $"{StoredEnum.Name(c.Direction)} call {StoredEnum.Name(c.Status)}"
            + (c.Outcome is { } outcome ? $", {StoredEnum.Name(outcome)}" : "")
            + (c.Duration is { } seconds ? $", {seconds} s" : ""), c.Id)));
        entries.AddRange((await transcriptsTask).Select(t => new TimelineEntry(t.CreatedAt, TimelineEntryKind.Transcript,
            $"Transcript: {t.TotalMessages} messages over {t.Duration} s", t.Id)));
        entries.AddRange((await consentTask).Select(e => new TimelineEntry(e.Timestamp, TimelineEntryKind.ConsentEvent,
            StoredEnum.Name(e.EventType) + (e.ConsentDetails?.Source is { } source ? $" via {source}" : ""), e.Id)));

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Kind)];
    }
}
