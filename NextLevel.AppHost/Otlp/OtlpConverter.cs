using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using NextLevel.AppHost.Dashboard;
using NextLevel.AppHost.Otlp.Model;
using NextLevel.AppHost.Otlp.Proto.Common;

namespace NextLevel.AppHost.Otlp;

/// <summary>From OTLP wire types to stored values: attributes as masked text, ids as hex, nanoseconds as times.</summary>
internal static class OtlpConverter
{
    public const string ServiceNameKey = "service.name";
    public const string UnknownResource = "unknown";

    /// <summary>
    /// The resource a batch belongs to: its <c>service.name</c>, which the AppHost sets to the resource's name, so a
    /// restarted process (a new <c>service.instance.id</c>) joins the same resource.
    /// </summary>
    public static string ResourceName(Proto.Resource.Resource? resource)
    {
        if (resource is not null)
        {
            foreach (var attribute in resource.Attributes)
            {
                if (attribute.Key == ServiceNameKey && attribute.Value?.StringValue is { Length: > 0 } name)
                {
                    return Intern(name);
                }
            }
        }
        return UnknownResource;
    }

    public static OtlpAttribute[] ToAttributes(RepeatedField<KeyValue> attributes, int maxLength)
    {
        if (attributes.Count == 0)
        {
            return [];
        }
        var result = new OtlpAttribute[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            var (key, secret) = Keys.Get(attributes[i].Key);
            result[i] = new OtlpAttribute(key, secret ? SecretMasker.Mask : MaskValue(ToText(attributes[i].Value, maxLength)));
        }
        return result;
    }

    /// <summary>Secret-looking names hide the whole value; connection strings and URLs lose their password.</summary>
    public static string Mask(string key, string value) =>
        Keys.Get(key).Secret ? SecretMasker.Mask : MaskValue(value);

    private static string MaskValue(string value) =>
        value.AsSpan().IndexOfAny('=', '@') >= 0 ? SecretMasker.MaskConnectionString(value) : value;

    /// <summary>The one stored instance of a recurring name (span, scope, resource): thousands of spans share it.</summary>
    public static string Intern(string name) => Names.Get(name).Key;

    private static readonly NameCache Keys = new();
    private static readonly NameCache Names = new();

    public static string ToText(AnyValue? value, int maxLength)
    {
        var text = value?.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
            AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(v => ToText(v, maxLength))) + "]",
            AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {ToText(kv.Value, maxLength)}")) + "}",
            _ => string.Empty,
        };
        return text.Length > maxLength ? text[..maxLength] + "…" : text;
    }

    /// <summary>Lower-case hex, or <see langword="null"/> for an absent or all-zero id.</summary>
    public static string? ToHexId(ByteString id)
    {
        if (id.IsEmpty || !id.Span.ContainsAnyExcept((byte)0))
        {
            return null;
        }
        return Convert.ToHexStringLower(id.Span);
    }

    public static DateTimeOffset ToTime(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));
}
