using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Values;

/// <summary>
/// Byte-for-byte equality of BSON values: same type, same value, same field order. This is how the server
/// detects no-op updates (1 and 1.0 compare equal in queries, but replacing one with the other is a change).
/// </summary>
internal static class BsonIdentity
{
    public static bool AreIdentical(BsonValue? x, BsonValue? y)
    {
        if (x is null || y is null) return x is null && y is null;
        if (x.BsonType != y.BsonType) return false;
        switch (x.BsonType)
        {
            case BsonType.Document:
            {
                var a = x.AsBsonDocument;
                var b = y.AsBsonDocument;
                if (a.ElementCount != b.ElementCount) return false;
                for (var i = 0; i < a.ElementCount; i++)
                {
                    var ea = a.GetElement(i);
                    var eb = b.GetElement(i);
                    if (!string.Equals(ea.Name, eb.Name, StringComparison.Ordinal) || !AreIdentical(ea.Value, eb.Value)) return false;
                }
                return true;
            }
            case BsonType.Array:
            {
                var a = x.AsBsonArray;
                var b = y.AsBsonArray;
                if (a.Count != b.Count) return false;
                for (var i = 0; i < a.Count; i++)
                {
                    if (!AreIdentical(a[i], b[i])) return false;
                }
                return true;
            }
            case BsonType.Double:
                return BitConverter.DoubleToInt64Bits(x.AsDouble) == BitConverter.DoubleToInt64Bits(y.AsDouble);
            case BsonType.Decimal128:
                return x.AsDecimal128.GetIEEEHighBits() == y.AsDecimal128.GetIEEEHighBits()
                    && x.AsDecimal128.GetIEEELowBits() == y.AsDecimal128.GetIEEELowBits();
            case BsonType.JavaScriptWithScope:
                return string.Equals(x.AsBsonJavaScriptWithScope.Code, y.AsBsonJavaScriptWithScope.Code, StringComparison.Ordinal)
                    && AreIdentical(x.AsBsonJavaScriptWithScope.Scope, y.AsBsonJavaScriptWithScope.Scope);
            default:
                return x.Equals(y);
        }
    }
}
