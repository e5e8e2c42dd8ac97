using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NextLevel.Worker.Telemetry;

/// <summary>
/// The Worker's meter and activity source, both named "NextLevel.Worker". Counters are incremented where things
/// happen; gauges read the latest figures the rollup loop computed (<see cref="WorkerGauges"/>).
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class WorkerTelemetry : IDisposable
{
    public const string Name = "NextLevel.Worker";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;

    public WorkerTelemetry(IMeterFactory meters, WorkerGauges gauges)
    {
        _meter = meters.Create(Name);
        Claimed = _meter.CreateCounter<long>("nextlevel.followup.steps.claimed", description: "Due steps claimed under a lease.");
        Sent = _meter.CreateCounter<long>("nextlevel.followup.steps.sent", description: "Steps handed to a provider, by method.");
        Blocked = _meter.CreateCounter<long>("nextlevel.followup.steps.blocked", description: "Steps the compliance gate held back, by reason.");
        Held = _meter.CreateCounter<long>("nextlevel.followup.steps.held", description: "Steps a campaign rule postponed (paused, budget, daily limits), by reason.");
        Ended = _meter.CreateCounter<long>("nextlevel.followup.sequences.ended", description: "Sequences that ended, by reason.");
        LeaseExpiries = _meter.CreateCounter<long>("nextlevel.followup.lease.expiries", description: "Leads taken over after another worker's lease expired.");
        ProviderErrors = _meter.CreateCounter<long>("nextlevel.provider.errors", description: "Provider calls that failed, by method.");
        ProviderLatency = _meter.CreateHistogram<double>("nextlevel.provider.latency", unit: "ms", description: "Time a provider took to accept a step.");
        Archived = _meter.CreateCounter<long>("nextlevel.archival.transcripts.archived", description: "Transcripts moved to an archive collection.");
        _meter.CreateObservableGauge("nextlevel.followup.steps.due", () => gauges.StepsDue, description: "Leads whose next step is due now.");
        _meter.CreateObservableGauge("nextlevel.calls.abandoned.rate", () => gauges.AbandonedCallRate, description: "Abandoned share of answered calls over 30 days (limit 0.03).");
        _meter.CreateObservableGauge("nextlevel.calls.abandoned.limit", () => 0.03, description: "The legal limit of the abandoned-call rate (47 CFR 64.1200(a)(7)).");
        _meter.CreateObservableGauge("nextlevel.dnc.national.age", () => gauges.DaysSinceNationalDncImport, unit: "d", description: "Days since the last national DNC import (limit 31).");
        _meter.CreateObservableGauge("nextlevel.dnc.national.age.limit", () => 31, unit: "d", description: "The national DNC scrub must be at most 31 days old.");
    }

    public Counter<long> Claimed { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Blocked { get; }

    public Counter<long> Held { get; }

    public Counter<long> Ended { get; }

    public Counter<long> LeaseExpiries { get; }

    public Counter<long> ProviderErrors { get; }

    public Histogram<double> ProviderLatency { get; }

    public Counter<long> Archived { get; }

    public void Dispose() => _meter.Dispose();
}

/// <summary>Latest figures for the observable gauges, set by the rollup loop. [Singleton - ThreadSafe]</summary>
public sealed class WorkerGauges
{
    private long _stepsDue;
    private double _abandoned;
    private double _dncAge = double.NaN;

    public long StepsDue { get => Interlocked.Read(ref _stepsDue); set => Interlocked.Exchange(ref _stepsDue, value); }

    public double AbandonedCallRate { get => Volatile.Read(ref _abandoned); set => Volatile.Write(ref _abandoned, value); }

    /// <summary>NaN when no national import was ever recorded.</summary>
    public double DaysSinceNationalDncImport { get => Volatile.Read(ref _dncAge); set => Volatile.Write(ref _dncAge, value); }
}
