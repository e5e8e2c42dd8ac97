using System.Diagnostics.CodeAnalysis;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Parses the argument of one operator (the value of <c>{ $name: argument }</c>).</summary>
internal delegate Expr OperatorParser(string name, BsonValue argument);

/// <summary>Every expression operator by name; each family registers itself. [Immutable after type init - ThreadSafe]</summary>
internal static class OperatorTable
{
    private static readonly Dictionary<string, OperatorParser> Parsers = Build();

    public static bool TryGet(string name, [NotNullWhen(true)] out OperatorParser? parser) => Parsers.TryGetValue(name, out parser);

    private static Dictionary<string, OperatorParser> Build()
    {
        var table = new Dictionary<string, OperatorParser>(StringComparer.Ordinal);
        ArithmeticOperators.Register(table);
        ComparisonOperators.Register(table);
        BooleanOperators.Register(table);
        ConditionalOperators.Register(table);
        StringOperators.Register(table);
        RegexOperators.Register(table);
        DatePartOperators.Register(table);
        DateOperators.Register(table);
        ArrayOperators.Register(table);
        ArrayIterationOperators.Register(table);
        SetOperators.Register(table);
        ConversionOperators.Register(table);
        ObjectOperators.Register(table);
        VariableOperators.Register(table);
        TrigonometryOperators.Register(table);
        MiscellaneousOperators.Register(table);
        return table;
    }
}
