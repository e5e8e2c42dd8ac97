using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class ConversionAndObjectExpressionTests
{
    [Fact]
    public void Convert_between_types()
    {
        Same("5", Eval("{ $toInt: '5' }"));
        Same("5", Eval("{ $toInt: 5.9 }"));
        Same("NumberLong(5)", Eval("{ $toLong: '5' }"));
        Same("2.5", Eval("{ $toDouble: '2.5' }"));
        Same("NumberDecimal('2.5')", Eval("{ $toDecimal: 2.5 }"));
        Same("'2.5'", Eval("{ $toString: 2.5 }"));
        Same("'2025-01-01T00:00:00.000Z'", Eval("{ $toString: ISODate('2025-01-01T00:00:00Z') }"));
        Same("true", Eval("{ $toBool: 'false' }"));
        Same("false", Eval("{ $toBool: 0 }"));
        Same("ObjectId('65a1b2c3d4e5f60718293a4b')", Eval("{ $toObjectId: '65a1b2c3d4e5f60718293a4b' }"));
        Same("null", Eval("{ $toInt: null }"));
    }

    [Fact]
    public void Convert_with_onError_and_onNull()
    {
        Same("-1", Eval("{ $convert: { input: 'abc', to: 'int', onError: -1 } }"));
        Same("0", Eval("{ $convert: { input: '$missing', to: 'int', onNull: 0 } }"));
        Same("NumberLong(7)", Eval("{ $convert: { input: '7', to: 18 } }"));
        Assert.Equal(241, Fails("{ $convert: { input: 'abc', to: 'int' } }").Code);
        Assert.Equal(241, Fails("{ $toInt: 'abc' }").Code);
    }

    [Fact]
    public void Type_and_isNumber()
    {
        Same("'missing'", Eval("{ $type: '$x' }"));
        Same("'int'", Eval("{ $type: 1 }"));
        Same("'long'", Eval("{ $type: NumberLong(1) }"));
        Same("'object'", Eval("{ $type: { $literal: {} } }"));
        Same("'array'", Eval("{ $type: [[]] }"));
        Same("true", Eval("{ $isNumber: 1.5 }"));
        Same("false", Eval("{ $isNumber: '1' }"));
    }

    [Fact]
    public void MergeObjects_getField_setField()
    {
        Same("{ a: 1, b: 3, c: 4 }", Eval("{ $mergeObjects: [{ a: 1, b: 2 }, null, { b: 3, c: 4 }] }"));
        Assert.Equal(40400, Fails("{ $mergeObjects: [1] }").Code);
        Same("5", Eval("{ $getField: 'a.b' }", "{ 'a.b': 5 }"));
        Same("2", Eval("{ $getField: { field: 'x', input: { x: 2 } } }"));
        Same("{ a: 1, b: 2 }", Eval("{ $setField: { field: 'b', input: { a: 1 }, value: 2 } }"));
        Same("{ a: 1 }", Eval("{ $setField: { field: 'b', input: { a: 1, b: 2 }, value: '$$REMOVE' } }"));
        Same("{ b: 2 }", Eval("{ $unsetField: { field: 'a', input: { a: 1, b: 2 } } }"));
    }
}
