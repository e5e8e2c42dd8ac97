using System.Text;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>String operators. Byte variants count UTF-8 bytes, CP variants count Unicode code points.</summary>
internal static class StringOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$concat"] = Args.Variadic(Concat);
        table["$substr"] = Args.Fixed(3, v => SubstrBytes("$substrBytes", v[0], v[1], v[2]));
        table["$substrBytes"] = Args.Fixed(3, v => SubstrBytes("$substrBytes", v[0], v[1], v[2]));
        table["$substrCP"] = Args.Fixed(3, v => SubstrCodePoints(v[0], v[1], v[2]));
        table["$toLower"] = Args.Unary((_, v) => AsciiCase(v, upper: false));
        table["$toUpper"] = Args.Unary((_, v) => AsciiCase(v, upper: true));
        table["$trim"] = (name, argument) => ParseTrim(name, argument, start: true, end: true);
        table["$ltrim"] = (name, argument) => ParseTrim(name, argument, start: true, end: false);
        table["$rtrim"] = (name, argument) => ParseTrim(name, argument, start: false, end: true);
        table["$split"] = Args.Fixed(2, v => Split(v[0], v[1]));
        table["$strLenBytes"] = Args.Unary((_, v) => v is BsonString s
            ? Encoding.UTF8.GetByteCount(s.Value)
            : throw MongoError.Location(34473, $"$strLenBytes requires a string argument, found: {ExprValues.TypeName(v)}"));
        table["$strLenCP"] = Args.Unary((_, v) => v is BsonString s
            ? CodePoints(s.Value).Length
            : throw MongoError.Location(34471, $"$strLenCP requires a string argument, found: {ExprValues.TypeName(v)}"));
        table["$indexOfBytes"] = Args.Range(2, 4, v => IndexOf("$indexOfBytes", v, bytes: true));
        table["$indexOfCP"] = Args.Range(2, 4, v => IndexOf("$indexOfCP", v, bytes: false));
        table["$strcasecmp"] = Args.Fixed(2, v => new BsonInt32(Math.Sign(string.CompareOrdinal(
            AsciiUpper(CoerceToString("$strcasecmp", v[0])), AsciiUpper(CoerceToString("$strcasecmp", v[1]))))));
        table["$replaceOne"] = (name, argument) => ParseReplace(name, argument, all: false);
        table["$replaceAll"] = (name, argument) => ParseReplace(name, argument, all: true);
    }

    /// <summary>The string form $substr/$toLower/$strcasecmp accept: null becomes "", numbers and dates are printed.</summary>
    internal static string CoerceToString(string name, BsonValue? value) => value switch
    {
        null or BsonNull or BsonUndefined => string.Empty,
        BsonString s => s.Value,
        BsonSymbol sym => sym.Name,
        BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128 => ConversionOperators.NumberToString(value),
        BsonDateTime date => ConversionOperators.DateToString(date),
        BsonTimestamp ts => ts.ToString(),
        _ => throw MongoError.Location(16007, $"can't convert from BSON type {ExprValues.TypeName(value)} to String"),
    };

    private static BsonValue? Concat(string name, BsonValue?[] values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonString s)
                throw MongoError.Location(16702, $"$concat only supports strings, not {ExprValues.TypeName(value)}");
            builder.Append(s.Value);
        }
        return builder.ToString();
    }

    private static BsonValue SubstrBytes(string name, BsonValue? input, BsonValue? startValue, BsonValue? lengthValue)
    {
        var text = CoerceToString(name, input);
        if (!Numeric.IsNumber(startValue))
            throw MongoError.Location(16034, $"{name}:  starting index must be a numeric type (is BSON type {ExprValues.TypeName(startValue)})");
        if (!Numeric.IsNumber(lengthValue))
            throw MongoError.Location(16035, $"{name}:  length must be a numeric type (is BSON type {ExprValues.TypeName(lengthValue)})");
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = Numeric.ToDouble(startValue!);
        var length = Numeric.ToDouble(lengthValue!);
        if (start < 0 || start >= bytes.Length) return string.Empty;
        var from = (int)start;
        var count = length < 0 || from + length > bytes.Length ? bytes.Length - from : (int)length;
        if (from < bytes.Length && IsContinuation(bytes[from]))
            throw MongoError.Location(28656, $"{name}:  Invalid range, starting index is a UTF-8 continuation byte.");
        if (from + count < bytes.Length && IsContinuation(bytes[from + count]))
            throw MongoError.Location(28657, $"{name}:  Invalid range, ending index is in the middle of a UTF-8 character.");
        return Encoding.UTF8.GetString(bytes, from, count);
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    internal static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }
        return result.ToArray();
    }

    internal static string FromCodePoints(IEnumerable<int> codePoints)
    {
        var builder = new StringBuilder();
        foreach (var cp in codePoints) builder.Append(char.ConvertFromUtf32(cp));
        return builder.ToString();
    }

    private static BsonValue SubstrCodePoints(BsonValue? input, BsonValue? startValue, BsonValue? lengthValue)
    {
        var text = CoerceToString("$substrCP", input);
        if (!Numeric.IsNumber(startValue))
            throw MongoError.Location(34450, $"$substrCP: starting index must be a numeric type (is BSON type {ExprValues.TypeName(startValue)})");
        if (!Numeric.TryGetInt(startValue, out var start))
            throw MongoError.Location(34451, "$substrCP: starting index cannot be represented as a 32-bit integral value");
        if (!Numeric.IsNumber(lengthValue))
            throw MongoError.Location(34452, $"$substrCP: length must be a numeric type (is BSON type {ExprValues.TypeName(lengthValue)})");
        if (!Numeric.TryGetInt(lengthValue, out var length))
            throw MongoError.Location(34453, "$substrCP: length cannot be represented as a 32-bit integral value");
        if (start < 0) throw MongoError.Location(34455, "$substrCP: the starting index must be nonnegative integer.");
        if (length < 0) throw MongoError.Location(34454, "$substrCP: length must be a nonnegative integer.");
        var codePoints = CodePoints(text);
        if (start >= codePoints.Length) return string.Empty;
        return FromCodePoints(codePoints.Skip(start).Take(length));
    }

    /// <summary>MongoDB changes case of ASCII letters only.</summary>
    private static BsonValue AsciiCase(BsonValue? value, bool upper)
    {
        var text = CoerceToString(upper ? "$toUpper" : "$toLower", value);
        return upper ? AsciiUpper(text) : string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        });
    }

    private static string AsciiUpper(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'a' and <= 'z' ? (char)(source[i] - 32) : source[i];
    });

    /// <summary>The whitespace $trim removes by default (MongoDB's list, including the zero byte).</summary>
    private static readonly int[] DefaultTrimCodePoints =
    [
        0x0000, 0x0020, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x00A0, 0x1680,
        0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    ];

    private static Expr ParseTrim(string name, BsonValue argument, bool start, bool end)
    {
        var args = Args.Named(name, argument, ["input"], ["chars"], 50696);
        var input = args["input"];
        args.TryGetValue("chars", out var chars);
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonString s)
                throw MongoError.Location(50699, $"{name} requires its input to be a string, got {ExprValues.Describe(value)} (of type {ExprValues.TypeName(value)}) instead.");
            var set = DefaultTrimCodePoints;
            if (chars is not null)
            {
                var charsValue = chars.Evaluate(context);
                if (ExprValues.IsNullish(charsValue)) return BsonNull.Value;
                if (charsValue is not BsonString c)
                    throw MongoError.Location(50700, $"{name} requires 'chars' to be a string, got {ExprValues.Describe(charsValue)} (of type {ExprValues.TypeName(charsValue)}) instead.");
                set = CodePoints(c.Value);
            }
            var codePoints = CodePoints(s.Value);
            var from = 0;
            var to = codePoints.Length;
            if (start) while (from < to && set.Contains(codePoints[from])) from++;
            if (end) while (to > from && set.Contains(codePoints[to - 1])) to--;
            return FromCodePoints(codePoints[from..to]);
        });
    }

    private static BsonValue Split(BsonValue? input, BsonValue? delimiter)
    {
        if (ExprValues.IsNullish(input)) return BsonNull.Value;
        if (input is not BsonString s)
            throw MongoError.Location(40085, $"$split requires an expression that evaluates to a string as a first argument, found: {ExprValues.TypeName(input)}");
        if (delimiter is not BsonString d)
            throw MongoError.Location(40086, $"$split requires an expression that evaluates to a string as a second argument, found: {ExprValues.TypeName(delimiter)}");
        if (d.Value.Length == 0) throw MongoError.Location(40087, "$split requires a non-empty separator");
        return new BsonArray(s.Value.Split(d.Value).Select(part => new BsonString(part)));
    }

    private static BsonValue IndexOf(string name, BsonValue?[] values, bool bytes)
    {
        var input = values[0];
        if (ExprValues.IsNullish(input)) return BsonNull.Value;
        if (input is not BsonString s)
            throw MongoError.Location(bytes ? 40091 : 40093, $"{name} requires a string as the first argument, found: {ExprValues.TypeName(input)}");
        if (values[1] is not BsonString token)
            throw MongoError.Location(bytes ? 40092 : 40094, $"{name} requires a string as the second argument, found: {ExprValues.TypeName(values[1])}");
        var haystack = bytes ? Encoding.UTF8.GetBytes(s.Value).Select(b => (int)b).ToArray() : CodePoints(s.Value);
        var needle = bytes ? Encoding.UTF8.GetBytes(token.Value).Select(b => (int)b).ToArray() : CodePoints(token.Value);
        var start = values.Length > 2 ? IndexBound(name, values[2], "starting") : 0;
        var end = values.Length > 3 ? IndexBound(name, values[3], "ending") : haystack.Length;
        end = Math.Min(end, haystack.Length);
        if (start > end) return -1;
        for (var i = start; i + needle.Length <= end; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        }
        return -1;
    }

    private static int IndexBound(string name, BsonValue? value, string which)
    {
        if (!Numeric.TryGetInt(value, out var index))
            throw MongoError.Location(40096, $"{name} requires an integral {which} index, found a value of type: {ExprValues.TypeName(value)}, with value: {ExprValues.Describe(value)}");
        if (index < 0) throw MongoError.Location(40097, $"{name} requires a nonnegative {which} index, found: {index}");
        return index;
    }

    private static Expr ParseReplace(string name, BsonValue argument, bool all)
    {
        var args = Args.Named(name, argument, ["input", "find", "replacement"], [], 51750);
        var input = args["input"];
        var find = args["find"];
        var replacement = args["replacement"];
        return new LambdaExpr(name, context =>
        {
            var values = new[] { input.Evaluate(context), find.Evaluate(context), replacement.Evaluate(context) };
            string[] names = ["input", "find", "replacement"];
            for (var i = 0; i < 3; i++)
            {
                if (!ExprValues.IsNullish(values[i]) && values[i] is not BsonString)
                    throw MongoError.Location(51746, $"{name} requires that '{names[i]}' be a string, found: {ExprValues.Describe(values[i])}");
            }
            if (values.Any(ExprValues.IsNullish)) return BsonNull.Value;
            var text = values[0]!.AsString;
            var token = values[1]!.AsString;
            var with = values[2]!.AsString;
            if (all) return token.Length == 0 ? InsertBetweenAll(text, with) : text.Replace(token, with, StringComparison.Ordinal);
            var at = text.IndexOf(token, StringComparison.Ordinal);
            return at < 0 ? text : string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + token.Length));
        });
    }

    /// <summary>Replacing "" matches before every character and at the end.</summary>
    private static string InsertBetweenAll(string text, string with)
    {
        var builder = new StringBuilder(with);
        foreach (var c in text) builder.Append(c).Append(with);
        return builder.ToString();
    }

}
