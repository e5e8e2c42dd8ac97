namespace NextLevel.AppHost.Otlp.Model;

/// <summary>One attribute as stored: its value rendered to text, with secret-looking values already masked.</summary>
public sealed record OtlpAttribute(string Key, string Value);
