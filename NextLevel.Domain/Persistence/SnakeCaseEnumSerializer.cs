using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.Domain.Persistence;

/// <summary>
/// Stores an enum as the seed's string (<c>GoogleAds</c> → <c>"google_ads"</c>). A member with
/// <see cref="JsonStringEnumMemberNameAttribute"/> uses that name instead, so the API's JSON and the
/// database spell values the same way from one attribute.
/// </summary>
public sealed class SnakeCaseEnumSerializer<TEnum> : StructSerializerBase<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, StoredName);
    private static readonly FrozenDictionary<string, TEnum> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    internal static string NameOf(TEnum value) => Names[value];

    internal static bool TryParse(string name, out TEnum value) => Values.TryGetValue(name, out value);

    public override TEnum Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        var reader = context.Reader;
        if (reader.CurrentBsonType != BsonType.String)
            throw new FormatException($"Expected a string for {typeof(TEnum).Name}, found {reader.CurrentBsonType}.");
        var name = reader.ReadString();
        return Values.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a known {typeof(TEnum).Name}.");
    }

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, TEnum value) =>
        context.Writer.WriteString(Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, null));

    private static string StoredName(TEnum value)
    {
        var member = typeof(TEnum).GetField(value.ToString())!;
        var explicitName = member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>();
        return explicitName?.Name ?? ToSnakeCase(member.Name);
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}

/// <summary>Hands out <see cref="SnakeCaseEnumSerializer{TEnum}"/> for every enum declared in this assembly.</summary>
internal sealed class DomainEnumSerializationProvider : IBsonSerializationProvider
{
    public IBsonSerializer? GetSerializer(Type type)
    {
        if (!type.IsEnum || type.Assembly != typeof(DomainEnumSerializationProvider).Assembly) return null;
        return (IBsonSerializer)Activator.CreateInstance(typeof(SnakeCaseEnumSerializer<>).MakeGenericType(type))!;
    }
}

/// <summary>The stored (seed) spelling of enum values, for queries written as BSON and for display.</summary>
public static class StoredEnum
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => SnakeCaseEnumSerializer<TEnum>.NameOf(value);

    /// <summary>Reads a stored spelling back (exact, case-sensitive: "google_ads").</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return name is not null && SnakeCaseEnumSerializer<TEnum>.TryParse(name, out value);
    }
}
