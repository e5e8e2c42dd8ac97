using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Seeding;

internal sealed partial class DemoDataGenerator
{
    private static readonly (string Agent, string User)[] Exchanges =
    [
        ("Hi {0}, this is the assistant calling from Next Level Real Estate about your property inquiry. This call may be recorded. How are you today?", "I'm doing well, thanks. What's this about?"),
        ("You asked about selling {1}. Do you have a few minutes to chat?", "Sure, I have a few minutes."),
        ("What's your timeline for selling?", "We'd like to move within the next month or so."),
        ("What condition is the property in? Are there any repairs needed?", "The roof is getting old and the kitchen is dated."),
        ("What are you hoping to get for the property?", "Somewhere around what the neighbours sold for."),
        ("We buy as-is for cash and can close on your schedule. Would you be open to a quick site visit this week?", "Yes, Thursday afternoon would work."),
    ];

    private static readonly TimeSpan FreshLead = TimeSpan.FromHours(2);

    private void AddCalls(Lead lead, SeedBatch batch)
    {
        if (lead.Status == LeadStatus.New)
        {
            // Only a lead that arrived in the last two hours is waiting for its first contact now (as intake schedules it).
            if (_now - lead.ReceivedAt < FreshLead) lead.NextFollowUp = lead.ReceivedAt;
            return;
        }
        var attempts = _faker.Random.Int(1, 3);
        var at = lead.ReceivedAt.AddSeconds(_faker.Random.Int(45, 600));
        lead.FirstContactAt = at;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var isLast = attempt == attempts;
            var answered = isLast && lead.Status != LeadStatus.Contacted;
            var call = CreateCall(lead, at, answered);
            batch.Calls.Add(call);
            lead.ContactAttempts.Add(new ContactAttempt
            {
                AttemptId = NewId(),
                Timestamp = at,
                Type = Domain.Leads.ContactMethod.AutomatedCall,
                CallId = call.Id,
                Outcome = answered ? "answered" : call.Status == CallStatus.Busy ? "busy" : call.Outcome == CallOutcome.Voicemail ? "voicemail" : "no_answer",
                Duration = call.Duration,
                Sentiment = call.Sentiment?.Overall,
                Notes = answered ? call.Disposition : null,
            });
            lead.LastContactedAt = at;
            if (answered)
            {
                var transcript = CreateTranscript(lead, call);
                batch.Transcripts.Add(transcript);
                call.TranscriptId = transcript.Id;
                batch.Events.Add(Event("call_completed", call.EndedAt!.Value, lead, call.Cost!.TotalCost, call.Id));
            }
            at = at.AddHours(_faker.Random.Int(1, 30));
        }

        lead.UpdatedAt = lead.LastContactedAt ?? lead.UpdatedAt;
        lead.UpdatedBy = "agent_conversation_ai";
        lead.NextFollowUp = lead.Status is LeadStatus.Contacted or LeadStatus.Nurturing or LeadStatus.Qualified
            ? NextOnCadence(lead.LastContactedAt!.Value, TimeSpan.FromDays(lead.Status == LeadStatus.Nurturing ? 7 : 1))
            : null;
    }

    /// <summary>The lead's next follow-up as on a system that has been running: one cadence after the last contact, or,
    /// where that is already past, the next point on the same cadence after now. Historical leads so fall due spread
    /// over the coming day (week for nurturing) instead of all at once, and no random draw is spent (the rest of the
    /// demo data stays as it was).</summary>
    private DateTime NextOnCadence(DateTime lastContact, TimeSpan cadence)
    {
        var due = lastContact + cadence;
        if (due > _now) return due;
        return due + cadence * ((_now - due).Ticks / cadence.Ticks + 1);
    }

    private Call CreateCall(Lead lead, DateTime initiatedAt, bool answered)
    {
        var status = answered ? CallStatus.Completed : _faker.Random.WeightedRandom([CallStatus.NoAnswer, CallStatus.Busy, CallStatus.Completed], [0.5f, 0.15f, 0.35f]);
        var voicemail = !answered && status == CallStatus.Completed;
        var duration = answered ? _faker.Random.Int(90, 900) : voicemail ? _faker.Random.Int(20, 45) : 0;
        var outcome = answered
            ? lead.Status switch
            {
                LeadStatus.Qualified or LeadStatus.Converted => CallOutcome.Qualified,
                LeadStatus.Nurturing => _faker.PickRandom(CallOutcome.Callback, CallOutcome.NotInterested),
                LeadStatus.Dnc => CallOutcome.NotInterested,
                _ => _faker.PickRandom(CallOutcome.NotInterested, CallOutcome.WrongNumber, CallOutcome.Callback),
            }
            : voicemail ? CallOutcome.Voicemail : (CallOutcome?)null;
        var sentiment = answered ? Math.Round(outcome == CallOutcome.Qualified ? _faker.Random.Double(0.3, 0.9) : _faker.Random.Double(-0.6, 0.4), 2) : (double?)null;
        var minutes = Math.Ceiling(duration / 60m);
        var characters = answered ? duration * 6 : voicemail ? 300 : 0;

        return new Call
        {
            Id = NewId(),
            CallSid = "CA" + _faker.Random.Hexadecimal(32, prefix: ""),
            ConversationId = answered ? "conv_" + _faker.Random.AlphaNumeric(12) : null,
            LeadId = lead.Id,
            ContactPhone = lead.Contact.Phone!,
            FromPhone = "+15559998888",
            InitiatedAt = initiatedAt,
            AnsweredAt = answered || voicemail ? initiatedAt.AddSeconds(_faker.Random.Int(3, 20)) : null,
            EndedAt = initiatedAt.AddSeconds(duration + 25),
            Duration = duration,
            TalkTime = answered ? duration - _faker.Random.Int(5, 30) : 0,
            Direction = CallDirection.Outbound,
            Type = CallType.Automated,
            CampaignId = lead.CampaignId,
            Status = status,
            Outcome = outcome,
            Disposition = outcome switch { CallOutcome.Qualified => "interested", CallOutcome.Callback => "call_back_later", CallOutcome.NotInterested => "not_interested", _ => null },
            ConversationMetrics = answered ? new ConversationMetrics { AgentTalkTime = duration * 0.45, UserTalkTime = duration * 0.5, InterruptionCount = _faker.Random.Int(0, 6), TurnCount = 12, AvgTurnDuration = Math.Round(duration / 12.0, 2), SilenceDuration = duration * 0.05 } : null,
            Sentiment = sentiment is null ? null : new CallSentiment
            {
                Overall = sentiment.Value,
                Timeline = [new SentimentPoint { Timestamp = 0, Score = 0.3 }, new SentimentPoint { Timestamp = duration / 2, Score = sentiment.Value }],
                Emotions = new EmotionMix { Positive = Math.Round(Math.Max(0, sentiment.Value), 2), Neutral = 0.25, Negative = Math.Round(Math.Max(0, -sentiment.Value), 2) },
            },
            KeyMoments = outcome == CallOutcome.Qualified
                ? [new KeyMoment { Type = "commitment", Timestamp = duration - 60, UserText = "Yes, let's schedule a site visit", AgentResponse = "Perfect! I'll send you a calendar invite." }]
                : [],
            ExtractedInfo = answered ? new ExtractedInfo { PropertyCondition = lead.Qualification?.Criteria.IsMotivated == true ? "needs_work" : "fair", MotivationFactors = lead.Intent?.Motivation ?? [], Timeframe = lead.Intent?.Timeframe, CompetingOffers = false, AgentInvolved = false } : null,
            FollowUpActions = outcome == CallOutcome.Qualified ? [new FollowUpAction { Type = "site_visit", ScheduledFor = initiatedAt.AddDays(2).Date.AddHours(21), Notes = "Bring comps and repair cost estimates" }] : [],
            RecordingUrl = answered ? $"https://api.twilio.com/recordings/RE{_faker.Random.Hexadecimal(32, prefix: "")}" : null,
            RecordingDuration = answered ? duration : null,
            ConsentVerified = lead.Consent.HasWrittenConsent,
            DncChecked = true,
            ComplianceNotes = lead.Consent.HasWrittenConsent ? "Written consent on file, DNC check passed" : "Manual call: no automated-call consent",
            QualityScore = answered ? Math.Round(_faker.Random.Double(0.6, 0.98), 2) : null,
            Cost = CallCost.Of(minutes, 0.013m, characters, 0.00018m),
            CreatedAt = initiatedAt,
            UpdatedAt = initiatedAt.AddSeconds(duration + 30),
            CreatedBy = "calling_service",
            UpdatedBy = answered ? "analytics_service" : "calling_service",
        };
    }

    private CallTranscript CreateTranscript(Lead lead, Call call)
    {
        var messages = new List<TranscriptMessage>();
        var t = 0.0;
        var turns = _faker.Random.Int(3, Exchanges.Length);
        foreach (var (agent, user) in Exchanges.Take(turns))
        {
            messages.Add(new TranscriptMessage { Speaker = Speaker.Agent, Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, agent, lead.Contact.FirstName, lead.PropertyAddress), Timestamp = Math.Round(t, 1), Sentiment = 0.5, Confidence = Math.Round(_faker.Random.Double(0.9, 0.99), 2) });
            t += _faker.Random.Double(3, 12);
            messages.Add(new TranscriptMessage { Speaker = Speaker.User, Text = user, Timestamp = Math.Round(t, 1), Sentiment = call.Sentiment?.Overall, Confidence = Math.Round(_faker.Random.Double(0.85, 0.99), 2) });
            t += _faker.Random.Double(3, 12);
        }
        var transcript = CallTranscript.From(call.Id, lead.Id, messages, call.Duration ?? 0, call.EndedAt!.Value);
        transcript.Id = NewId();
        transcript.Topics = [.. new[] { "timeline", "property_condition", "price_negotiation", "site_visit" }.Take(Math.Max(1, turns - 2))];
        transcript.Keywords = ["sell", "cash offer", "repairs"];
        return transcript;
    }
}
