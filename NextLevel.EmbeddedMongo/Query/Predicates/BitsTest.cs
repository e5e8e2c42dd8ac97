using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary>
/// <c>$bitsAllSet $bitsAllClear $bitsAnySet $bitsAnyClear</c> on integral numbers (two's complement, sign-extended)
/// and binary data (little-endian bit order). The mask is a number, a list of bit positions or binary data.
/// </summary>
internal sealed class BitsTest : ValueTest
{
    private readonly int[] _positions;
    private readonly bool _wantSet;
    private readonly bool _all;

    private BitsTest(int[] positions, bool wantSet, bool all)
    {
        _positions = positions;
        _wantSet = wantSet;
        _all = all;
    }

    public static BitsTest Parse(string name, BsonValue mask)
    {
        var positions = new List<int>();
        switch (mask)
        {
            case BsonArray array:
                foreach (var item in array)
                {
                    if (!item.IsNumeric) throw MongoError.BadValue($"bit positions must be an integer but got: {item}");
                    var position = item.ToDouble();
                    if (position != Math.Floor(position)) throw MongoError.BadValue($"bit positions must be an integer but got: {item}");
                    if (position < 0) throw MongoError.BadValue($"bit positions must be >= 0 but got: {item}");
                    positions.Add((int)Math.Min(position, int.MaxValue));
                }
                break;
            case BsonBinaryData binary:
                for (var bit = 0; bit < binary.Bytes.Length * 8; bit++)
                {
                    if ((binary.Bytes[bit / 8] & (1 << (bit % 8))) != 0) positions.Add(bit);
                }
                break;
            default:
                if (!mask.IsNumeric) throw MongoError.BadValue($"{name} takes an Array, a number, or a BinData but received: {mask}");
                var number = mask.ToDouble();
                if (number != Math.Floor(number) || number < 0 || number > long.MaxValue)
                {
                    throw MongoError.BadValue($"{name} cannot take a negative or non-integral number: {mask}");
                }
                var bits = mask.IsInt32 || mask.IsInt64 ? mask.ToInt64() : (long)number;
                for (var bit = 0; bit < 64; bit++)
                {
                    if ((bits & (1L << bit)) != 0) positions.Add(bit);
                }
                break;
        }
        var wantSet = name is "$bitsAllSet" or "$bitsAnySet";
        var all = name is "$bitsAllSet" or "$bitsAllClear";
        return new BitsTest([.. positions], wantSet, all);
    }

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        Func<int, bool> isSet;
        switch (value)
        {
            case BsonInt32 or BsonInt64:
                var l = value.ToInt64();
                isSet = bit => bit >= 64 ? l < 0 : (l & (1L << bit)) != 0;
                break;
            case BsonDouble d when d.Value == Math.Floor(d.Value) && d.Value >= long.MinValue && d.Value < 9.2233720368547758E18:
                var fromDouble = (long)d.Value;
                isSet = bit => bit >= 64 ? fromDouble < 0 : (fromDouble & (1L << bit)) != 0;
                break;
            case BsonDecimal128 m when !Decimal128.IsNaN(m.Value) && !Decimal128.IsInfinity(m.Value):
                var asDouble = Decimal128.ToDouble(m.Value);
                if (asDouble != Math.Floor(asDouble) || asDouble < long.MinValue || asDouble >= 9.2233720368547758E18) return false;
                var fromDecimal = (long)asDouble;
                isSet = bit => bit >= 64 ? fromDecimal < 0 : (fromDecimal & (1L << bit)) != 0;
                break;
            case BsonBinaryData binary:
                var bytes = binary.Bytes;
                isSet = bit => bit / 8 < bytes.Length && (bytes[bit / 8] & (1 << (bit % 8))) != 0;
                break;
            default:
                return false;
        }

        foreach (var position in _positions)
        {
            var matches = isSet(position) == _wantSet;
            if (_all && !matches) return false;
            if (!_all && matches) return true;
        }
        return _all;
    }
}
