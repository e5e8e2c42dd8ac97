namespace NextLevel.Api.Intake.Pipeline;

/// <summary>Who delivered the lead and how: the request's address and user agent, the actor, and Google's test flag.</summary>
internal sealed record IntakeContext(string? IpAddress, string? UserAgent, string Actor, bool IsTest = false)
{
    public static IntakeContext From(HttpContext http, string actor, bool isTest = false) =>
        new(http.Connection.RemoteIpAddress?.ToString(), Truncate(http.Request.Headers.UserAgent.ToString()), actor, isTest);

    private static string? Truncate(string value) => value.Length == 0 ? null : value.Length > 1000 ? value[..1000] : value;
}
