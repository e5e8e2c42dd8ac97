namespace NextLevel.Domain.Compliance.Reassigned;

/// <summary>The three answers of the FCC Reassigned Numbers Database ("yes", "no", "no data").</summary>
public enum ReassignedCheckResult
{
    /// <summary>"yes": the number was permanently disconnected on or after the consent date — the consent belongs to someone else.</summary>
    Reassigned = 1,

    /// <summary>"no": no permanent disconnection since the consent date.</summary>
    NotReassigned = 2,

    /// <summary>"no data": the database cannot tell (e.g. a consent date before 27 January 2021, when its data begins).</summary>
    NoData = 3,
}

/// <summary>
/// consent_logs.reassignedCheck on a <c>reassigned_number_check</c> event: one query of the Reassigned Numbers
/// Database for the event's phone number with the date consent was given, and its answer (47 CFR 64.1200(m)).
/// </summary>
public sealed class ReassignedCheck
{
    public ReassignedCheckResult Result { get; set; }

    /// <summary>The consent date sent with the query (the date of the consent relied on).</summary>
    public DateTime ConsentDate { get; set; }

    public DateTime CheckedAt { get; set; }

    /// <summary>Who answered: "dncscrub_rnd_basic", "simulator", …</summary>
    public string Provider { get; set; } = "";

    /// <summary>Our id of the query, for matching it with the provider's records.</summary>
    public string? RequestId { get; set; }

    /// <summary>The provider's "safe harbor may be available" flag, when it gives one.</summary>
    public bool? HasSafeHarbor { get; set; }
}

/// <summary>Facts about the database itself.</summary>
public static class ReassignedNumbersDatabase
{
    /// <summary>Providers had to keep permanent-disconnection records from this day; earlier consent dates get "no data".</summary>
    public static readonly DateOnly DataStart = new(2021, 1, 27);
}
