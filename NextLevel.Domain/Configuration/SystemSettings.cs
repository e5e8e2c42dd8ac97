using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace NextLevel.Domain.Configuration;

/// <summary>The settings the system knows, each with its key, typed shape and default.</summary>
public static class SystemSettings
{
    public static readonly SettingKey<CallingWindowSetting> CallingWindow = new(
        "compliance.callingWindow", "Federal calling window in the callee's local time (47 CFR 64.1200(c)(1)).", new CallingWindowSetting("08:00", "21:00"));

    public static readonly SettingKey<RetentionSetting> Retention = new(
        "retention", "How long raw data stays in the main collections before archival or expiry.", new RetentionSetting(TranscriptsDays: 365, AnalyticsEventsDays: 400, ComplianceRecordsYears: 5));

    public static readonly SettingKey<ConsentPolicySetting> ConsentPolicy = new(
        "compliance.consentPolicy", "Company consent policy: consent expires after this many days.", new ConsentPolicySetting(ConsentValidityDays: 365));

    public static IReadOnlyList<ISettingKey> All { get; } = [CallingWindow, Retention, ConsentPolicy];
}

public interface ISettingKey
{
    string Key { get; }

    string Description { get; }

    BsonDocument DefaultDocument { get; }
}

/// <summary>A setting's key with its typed value; converts to and from the stored document.</summary>
public sealed record SettingKey<T>(string Key, string Description, T Default) : ISettingKey where T : class
{
    public BsonDocument DefaultDocument => ToDocument(Default);


    public T Read(SystemConfigEntry? entry) => entry is null ? Default : BsonSerializer.Deserialize<T>(entry.Value);

    public BsonDocument ToDocument(T value) => value.ToBsonDocument();
}

/// <summary>"08:00" to "21:00".</summary>
public sealed record CallingWindowSetting(string Start, string End);

public sealed record RetentionSetting(int TranscriptsDays, int AnalyticsEventsDays, int ComplianceRecordsYears);

public sealed record ConsentPolicySetting(int ConsentValidityDays);
