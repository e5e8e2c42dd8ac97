using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Bitwise operators, $rand, timestamp parts, BSON sizes and $meta.</summary>
internal static class MiscellaneousOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$bitAnd"] = Args.Variadic((n, v) => Bitwise(n, v, -1L, (a, b) => a & b));
        table["$bitOr"] = Args.Variadic((n, v) => Bitwise(n, v, 0L, (a, b) => a | b));
        table["$bitXor"] = Args.Variadic((n, v) => Bitwise(n, v, 0L, (a, b) => a ^ b));
        table["$bitNot"] = Args.Unary((n, v) => v switch
        {
            null or BsonNull or BsonUndefined => BsonNull.Value,
            BsonInt32 i => new BsonInt32(~i.Value),
            BsonInt64 l => new BsonInt64(~l.Value),
            _ => throw MongoError.TypeMismatch($"{n} only supports int and long, not: {ExprValues.TypeName(v)}."),
        });
        table["$rand"] = (name, argument) => argument is BsonDocument { ElementCount: 0 }
            ? new LambdaExpr(name, _ => Random.Shared.NextDouble())
            : throw MongoError.Location(3040501, "$rand not expecting an argument, but found one");
        table["$tsSecond"] = Args.Unary((n, v) => TimestampPart(n, v, ts => new BsonInt64(ts.Timestamp)));
        table["$tsIncrement"] = Args.Unary((n, v) => TimestampPart(n, v, ts => new BsonInt64(ts.Increment)));
        table["$bsonSize"] = Args.Unary((_, v) => v switch
        {
            null or BsonNull or BsonUndefined => BsonNull.Value,
            BsonDocument d => d.ToBson().Length,
            _ => throw MongoError.Location(31393, $"$bsonSize requires a document input, found: {ExprValues.TypeName(v)}"),
        });
        table["$binarySize"] = Args.Unary((_, v) => v switch
        {
            null or BsonNull or BsonUndefined => BsonNull.Value,
            BsonString s => System.Text.Encoding.UTF8.GetByteCount(s.Value),
            BsonBinaryData b => b.Bytes.Length,
            _ => throw MongoError.Location(51276, $"$binarySize requires a string or BinData argument, found: {ExprValues.TypeName(v)}"),
        });
        table["$meta"] = ParseMeta;
    }

    private static BsonValue Bitwise(string name, BsonValue?[] values, long seed, Func<long, long, long> combine)
    {
        var result = seed;
        var anyLong = false;
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not (BsonInt32 or BsonInt64))
                throw MongoError.TypeMismatch($"{name} only supports int and long operands.");
            anyLong |= value is BsonInt64;
            result = combine(result, value.ToInt64());
        }
        return anyLong ? new BsonInt64(result) : new BsonInt32((int)result);
    }

    private static BsonValue TimestampPart(string name, BsonValue? value, Func<BsonTimestamp, BsonValue> part) => value switch
    {
        null or BsonNull or BsonUndefined => BsonNull.Value,
        BsonTimestamp ts => part(ts),
        _ => throw MongoError.Location(5687301, $"Argument to {name} must be a timestamp, but is {ExprValues.TypeName(value)}"),
    };

    /// <summary>
    /// textScore reads what a preceding $text $match recorded (failing as MongoDB does without one);
    /// Atlas Search and index metadata do not exist in this engine.
    /// </summary>
    private static Expr ParseMeta(string name, BsonValue argument)
    {
        if (argument is not BsonString { Value: var kind })
            throw MongoError.Location(17307, $"$meta only supports string arguments");
        return kind switch
        {
            "textScore" => new LambdaExpr(name, context => context.TextScoreOf?.Invoke(context.Root)
                ?? throw MongoError.Location(40218, "query requires text score metadata, but it is not available")),
            "randVal" => new LambdaExpr(name, _ => Random.Shared.NextDouble()),
            "indexKey" or "recordId" or "searchScore" or "searchHighlights" or "searchScoreDetails" or "sortKey" or "geoNearDistance" or "geoNearPoint" or "vectorSearchScore" =>
                throw new MongoError(ErrorCode.NotImplemented, $"$meta '{kind}' is not supported by NextLevel.EmbeddedMongo"),
            _ => throw MongoError.Location(17308, $"Unsupported argument to $meta: {kind}"),
        };
    }
}
