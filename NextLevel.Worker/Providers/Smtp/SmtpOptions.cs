using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace NextLevel.Worker.Providers.Smtp;

/// <summary>Configuration section <c>Providers:Smtp</c>. E-mail goes out by SMTP only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Providers:Smtp";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect (port 465), StartTls (port 587) or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Signs in only when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "";

    public string? FromName { get; set; }

    /// <summary>Optional https unsubscribe page, sent as a List-Unsubscribe header beside the mailto one.</summary>
    [Url]
    public string? UnsubscribeUrl { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
