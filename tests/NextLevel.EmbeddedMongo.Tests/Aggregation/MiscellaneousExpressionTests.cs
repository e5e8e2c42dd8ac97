using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class MiscellaneousExpressionTests
{
    [Fact]
    public void Trigonometry()
    {
        Same("0.0", Eval("{ $sin: 0 }"));
        Same("1.0", Eval("{ $cos: 0 }"));
        Same("180.0", Eval("{ $radiansToDegrees: { $acos: -1 } }"));
        Same("null", Eval("{ $tan: null }"));
        Assert.Equal(50989, Fails("{ $asin: 2 }").Code);
    }

    [Fact]
    public void Bitwise()
    {
        Same("1", Eval("{ $bitAnd: [3, 5] }"));
        Same("7", Eval("{ $bitOr: [3, 5] }"));
        Same("NumberLong(6)", Eval("{ $bitXor: [3, NumberLong(5)] }"));
        Same("-1", Eval("{ $bitNot: 0 }"));
    }

    [Fact]
    public void Rand_timestamps_and_sizes()
    {
        var value = Eval("{ $rand: {} }")!.AsDouble;
        Assert.InRange(value, 0, 1);
        Same("NumberLong(5)", Eval("{ $tsSecond: Timestamp(5, 2) }"));
        Same("NumberLong(2)", Eval("{ $tsIncrement: Timestamp(5, 2) }"));
        Same("3", Eval("{ $binarySize: 'abc' }"));
        Same("12", Eval("{ $bsonSize: { $literal: { a: 1 } } }"));
    }

    [Fact]
    public void Literal_documents_are_not_shared_between_results()
    {
        var expr = NextLevel.EmbeddedMongo.Aggregation.Expressions.Expr.Parse(Value("{ $literal: { a: [1] } }"));
        var context = new NextLevel.EmbeddedMongo.Aggregation.Expressions.ExprContext(new MongoDB.Bson.BsonDocument());
        Assert.NotSame(expr.Evaluate(context), expr.Evaluate(context));
    }
}
