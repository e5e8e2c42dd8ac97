using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$currentDate</c>: the apply context's time as a date (<c>true</c> or <c>{$type: "date"}</c>)
/// or a timestamp (<c>{$type: "timestamp"}</c>).</summary>
internal sealed class CurrentDateNode : ModifierNode
{
    private readonly bool _asTimestamp;

    private CurrentDateNode(bool asTimestamp) => _asTimestamp = asTimestamp;

    public static CurrentDateNode Create(BsonValue argument)
    {
        if (argument.BsonType == BsonType.Boolean) return new CurrentDateNode(asTimestamp: false);
        if (argument is not BsonDocument options)
        {
            throw MongoError.BadValue(
                $"{BsonTypeNames.Of(argument)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({{$type: 'timestamp/date'}}).");
        }

        bool? asTimestamp = null;
        foreach (var option in options)
        {
            if (option.Name != "$type") throw MongoError.BadValue($"Unrecognized $currentDate option: {option.Name}");
            if (option.Value is BsonString { Value: "date" or "timestamp" } type) asTimestamp = type.Value == "timestamp";
        }
        return new CurrentDateNode(asTimestamp ?? throw MongoError.BadValue(
            "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}"));
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position) =>
        ModifyResult.ReplaceUnlessIdentical(existing, Now(position));

    protected override BsonValue ValueForMissing(LeafPosition position) => Now(position);

    private BsonValue Now(LeafPosition position)
    {
        var now = position.State.Context.Now;
        if (!_asTimestamp) return new BsonDateTime(now);
        var seconds = (int)new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds();
        return new BsonTimestamp(seconds, 1);
    }
}
