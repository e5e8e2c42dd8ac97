using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.Domain.Persistence;

/// <summary>
/// Registers, once per process, how the domain's documents map to BSON: camelCase element names as the seed
/// spells them, enums as the seed's strings, UTC dates, money as Decimal128, unknown fields tolerated
/// (so older code reads newer documents).
/// </summary>
public static class DomainMongoMappings
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;

        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreExtraElementsConvention(true),
        };
        ConventionRegistry.Register("NextLevel.Domain", pack, type => type.Namespace?.StartsWith("NextLevel.Domain", StringComparison.Ordinal) == true);

        BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
        BsonSerializer.TryRegisterSerializer(new NullableSerializer<decimal>(new DecimalSerializer(BsonType.Decimal128)));
        BsonSerializer.TryRegisterSerializer(new DateTimeSerializer(DateTimeKind.Utc));
        BsonSerializer.RegisterSerializationProvider(new DomainEnumSerializationProvider());
    }
}
