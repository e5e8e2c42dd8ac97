namespace NextLevel.Domain.Closers.Routing;

/// <summary>A closer's routing profile (<c>staff_users.closer</c>): shift in their own time zone, open-lead cap and weight.
/// Other branches add fields to the same sub-document (calendar feed, booked visits); unknown fields are ignored here.</summary>
public sealed class CloserProfile
{
    public const int DefaultOpenLeadCap = 20;
    public const int DefaultWeight = 1;

    /// <summary>IANA time zone, e.g. America/Chicago.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public CloserShift Shift { get; set; } = new();

    public int OpenLeadCap { get; set; } = DefaultOpenLeadCap;

    public int Weight { get; set; } = DefaultWeight;
}

/// <summary>Working hours in local time: the days a shift starts on ("mon".."sun") and "HH:mm" start and end;
/// end before start is an overnight shift (it belongs to the day it starts on), start equal to end is a 24-hour shift.</summary>
public sealed class CloserShift
{
    public List<string> Days { get; set; } = ["mon", "tue", "wed", "thu", "fri"];

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "17:00";
}
