using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Aggregation.Accumulators;

/// <summary>The running state of one accumulator for one group. [Not thread-safe] one per group and field.</summary>
internal abstract class Accumulator
{
    /// <summary>Folds in the document the context points at (the accumulator evaluates its own expressions).</summary>
    public abstract void Accumulate(ExprContext context);

    /// <summary>The accumulated value; C# null leaves the output field out.</summary>
    public abstract BsonValue? Result();
}

/// <summary>An accumulator whose input is a single expression evaluated per document.</summary>
internal abstract class ValueAccumulator(Expr argument) : Accumulator
{
    public sealed override void Accumulate(ExprContext context) => Add(argument.Evaluate(context));

    protected abstract void Add(BsonValue? value);
}

/// <summary>One output field of $group/$bucket: its name and how to make a fresh accumulator per group. [Immutable - ThreadSafe]</summary>
internal sealed record AccumulatorField(string Name, string Operator, Func<Accumulator> Create);
