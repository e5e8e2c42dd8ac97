using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// The 'granularity' of $bucketAuto: rounds bucket boundaries to a preferred-number series (Renard, E, 1-2-5,
/// repeated in every decade) or to powers of two. Rounding is strict: up gives the next value above, down the
/// next value below. [Immutable - ThreadSafe]
/// </summary>
internal sealed class GranularityRounder
{
    // One decade of each series; the values repeat scaled by every power of ten. The lists are the server's
    // (its R40 has no 335 and its R80 is every other R80 value), so boundaries come out the same.
    private static readonly Dictionary<string, double[]> Series = new(StringComparer.Ordinal)
    {
        ["R5"] = [10, 16, 25, 40, 63],
        ["R10"] = [100, 125, 160, 200, 250, 315, 400, 500, 630, 800],
        ["R20"] = [100, 112, 125, 140, 160, 180, 200, 224, 250, 280, 315, 355, 400, 450, 500, 560, 630, 710, 800, 900],
        ["R40"] = [100, 106, 112, 118, 125, 132, 140, 150, 160, 170, 180, 190, 200, 212, 224, 236, 250, 265, 280, 300,
            315, 355, 375, 400, 425, 450, 475, 500, 530, 560, 600, 630, 670, 710, 750, 800, 850, 900, 950],
        ["R80"] = [103, 109, 115, 122, 128, 136, 145, 155, 165, 175, 185, 195, 206, 218, 230, 243, 258, 272, 290, 307,
            325, 345, 365, 387, 412, 437, 462, 487, 515, 545, 575, 615, 650, 690, 730, 775, 825, 875, 925, 975],
        ["1-2-5"] = [10, 20, 50],
        ["E6"] = [10, 15, 22, 33, 47, 68],
        ["E12"] = [10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68, 82],
        ["E24"] = [10, 11, 12, 13, 15, 16, 18, 20, 22, 24, 27, 30, 33, 36, 39, 43, 47, 51, 56, 62, 68, 75, 82, 91],
        ["E48"] = [100, 105, 110, 115, 121, 127, 133, 140, 147, 154, 162, 169, 178, 187, 196, 205, 215, 226, 237, 249,
            261, 274, 287, 301, 316, 332, 348, 365, 383, 402, 422, 442, 464, 487, 511, 536, 562, 590, 619, 649, 681, 715,
            750, 787, 825, 866, 909, 953],
        ["E96"] = [100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130, 133, 137, 140, 143, 147, 150, 154, 158,
            162, 165, 169, 174, 178, 182, 187, 191, 196, 200, 205, 210, 215, 221, 226, 232, 237, 243, 249, 255, 261, 267,
            274, 280, 287, 294, 301, 309, 316, 324, 332, 340, 348, 357, 365, 374, 383, 392, 402, 412, 422, 432, 442, 453,
            464, 475, 487, 499, 511, 523, 536, 549, 562, 576, 590, 604, 619, 634, 649, 665, 681, 698, 715, 732, 750, 768,
            787, 806, 825, 845, 866, 887, 909, 931, 953, 976],
        ["E192"] = [100, 101, 102, 104, 105, 106, 107, 109, 110, 111, 113, 114, 115, 117, 118, 120, 121, 123, 124, 126,
            127, 129, 130, 132, 133, 135, 137, 138, 140, 142, 143, 145, 147, 149, 150, 152, 154, 156, 158, 160, 162, 164,
            165, 167, 169, 172, 174, 176, 178, 180, 182, 184, 187, 189, 191, 193, 196, 198, 200, 203, 205, 208, 210, 213,
            215, 218, 221, 223, 226, 229, 232, 234, 237, 240, 243, 246, 249, 252, 255, 258, 261, 264, 267, 271, 274, 277,
            280, 284, 287, 291, 294, 298, 301, 305, 309, 312, 316, 320, 324, 328, 332, 336, 340, 344, 348, 352, 357, 361,
            365, 370, 374, 379, 383, 388, 392, 397, 402, 407, 412, 417, 422, 427, 432, 437, 442, 448, 453, 459, 464, 470,
            475, 481, 487, 493, 499, 505, 511, 517, 523, 530, 536, 542, 549, 556, 562, 569, 576, 583, 590, 597, 604, 612,
            619, 626, 634, 642, 649, 657, 665, 673, 681, 690, 698, 706, 715, 723, 732, 741, 750, 759, 768, 777, 787, 796,
            806, 816, 825, 835, 845, 856, 866, 876, 887, 898, 909, 920, 931, 942, 953, 965, 976, 988],
    };

    private readonly double[]? _series;

    private GranularityRounder(double[]? series) => _series = series;

    public static GranularityRounder Parse(BsonValue spec)
    {
        if (spec is not BsonString name)
            throw MongoError.Location(40261, $"The $bucketAuto 'granularity' field must be a string, but found type: {ExprValues.TypeName(spec)}");
        if (name.Value == "POWERSOF2") return new GranularityRounder(null);
        return Series.TryGetValue(name.Value, out var series)
            ? new GranularityRounder(series)
            : throw MongoError.Location(40257, $"Unknown rounding granularity '{name.Value}'");
    }

    public BsonValue RoundUp(BsonValue value) => Round(value, up: true);

    public BsonValue RoundDown(BsonValue value) => Round(value, up: false);

    private BsonValue Round(BsonValue value, bool up)
    {
        if (!Numeric.IsNumber(value))
            throw MongoError.Location(40262, $"A granularity rounder can only round numeric values, but found type: {ExprValues.TypeName(value)}");
        var number = Numeric.ToDouble(value);
        if (double.IsNaN(number)) throw MongoError.Location(40263, "A granularity rounder cannot round NaN");
        if (number < 0) throw MongoError.Location(40268, "A granularity rounder can only round non-negative numbers");
        if (number == 0) return value;
        var rounded = _series is null ? PowerOfTwo(number, up) : Preferred(number, up);
        return value is BsonDecimal128 ? new BsonDecimal128(new Decimal128(rounded)) : new BsonDouble(rounded);
    }

    private static double PowerOfTwo(double number, bool up)
    {
        var exponent = Math.Floor(Math.Log2(number));
        var candidate = Math.Pow(2, exponent);
        if (up) return candidate > number ? candidate : candidate * 2;
        return candidate < number ? candidate : candidate / 2;
    }

    /// <summary>Walks the series over the decades around the number, in order, to the first value past it.</summary>
    private double Preferred(double number, bool up)
    {
        var series = _series!;
        var decade = (int)Math.Floor(Math.Log10(number / series[0]));
        if (up)
        {
            for (var d = decade - 1; d <= decade + 2; d++)
            {
                foreach (var s in series)
                {
                    var candidate = Scale(s, d);
                    if (candidate > number) return candidate;
                }
            }
        }
        else
        {
            for (var d = decade + 1; d >= decade - 2; d--)
            {
                for (var i = series.Length - 1; i >= 0; i--)
                {
                    var candidate = Scale(series[i], d);
                    if (candidate < number) return candidate;
                }
            }
        }
        return number;
    }

    /// <summary>Divides for negative powers so that e.g. 16 scaled down once is exactly 1.6.</summary>
    private static double Scale(double value, int powerOfTen) =>
        powerOfTen >= 0 ? value * Math.Pow(10, powerOfTen) : value / Math.Pow(10, -powerOfTen);
}
