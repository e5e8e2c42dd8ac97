using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class ArrayExpressionTests
{
    [Fact]
    public void Size_and_its_error()
    {
        Same("3", Eval("{ $size: '$a' }", "{ a: [1, 2, 3] }"));
        var error = Fails("{ $size: '$a' }", "{ a: 1 }");
        Assert.Equal(17124, error.Code);
        Assert.Equal("The argument to $size must be an array, but was of type: int", error.Message);
    }

    [Fact]
    public void Element_access()
    {
        Same("3", Eval("{ $arrayElemAt: ['$a', -1] }", "{ a: [1, 2, 3] }"));
        Assert.Null(Eval("{ $arrayElemAt: ['$a', 5] }", "{ a: [1, 2, 3] }"));
        Same("1", Eval("{ $first: '$a' }", "{ a: [1, 2, 3] }"));
        Same("3", Eval("{ $last: '$a' }", "{ a: [1, 2, 3] }"));
        Assert.Equal(28689, Fails("{ $arrayElemAt: [1, 0] }").Code);
        Same("null", Eval("{ $first: '$missing' }"));
        Assert.Null(Eval("{ $last: [[]] }"));
    }

    [Fact]
    public void Filter_map_reduce()
    {
        Same("[2, 3]", Eval("{ $filter: { input: '$a', cond: { $gt: ['$$this', 1] } } }", "{ a: [1, 2, 3] }"));
        Same("[2]", Eval("{ $filter: { input: '$a', as: 'n', cond: { $gt: ['$$n', 1] }, limit: 1 } }", "{ a: [1, 2, 3] }"));
        Same("[10, 20]", Eval("{ $map: { input: '$a', as: 'x', in: { $multiply: ['$$x', 10] } } }", "{ a: [1, 2] }"));
        Same("6", Eval("{ $reduce: { input: '$a', initialValue: 0, in: { $add: ['$$value', '$$this'] } } }", "{ a: [1, 2, 3] }"));
        Same("null", Eval("{ $map: { input: '$missing', in: 1 } }"));
        Assert.Equal(28651, Fails("{ $filter: { input: 1, cond: true } }").Code);
    }

    [Fact]
    public void In_slice_concat_reverse_indexOf()
    {
        Same("true", Eval("{ $in: [2, [1, 2]] }"));
        Assert.Equal(40081, Fails("{ $in: [2, '$missing'] }").Code);
        Same("[1, 2]", Eval("{ $slice: [[1, 2, 3], 2] }"));
        Same("[2, 3]", Eval("{ $slice: [[1, 2, 3], -2] }"));
        Same("[2]", Eval("{ $slice: [[1, 2, 3], 1, 1] }"));
        Same("[1, 2, 3]", Eval("{ $concatArrays: [[1], [2, 3]] }"));
        Same("null", Eval("{ $concatArrays: [[1], null] }"));
        Same("[3, 2, 1]", Eval("{ $reverseArray: [[1, 2, 3]] }"));
        Same("1", Eval("{ $indexOfArray: [['a', 'b'], 'b'] }"));
        Same("-1", Eval("{ $indexOfArray: [['a', 'b'], 'c'] }"));
        Same("true", Eval("{ $isArray: [[1]] }"));
    }

    [Fact]
    public void Range_zip_sortArray()
    {
        Same("[0, 2, 4]", Eval("{ $range: [0, 5, 2] }"));
        Same("[3, 2]", Eval("{ $range: [3, 1, -1] }"));
        Same("[[1, 'a'], [2, 'b']]", Eval("{ $zip: { inputs: [[1, 2, 3], ['a', 'b']] } }"));
        Same("[[1, 'a'], [2, 'z']]", Eval("{ $zip: { inputs: [[1, 2], ['a']], useLongestLength: true, defaults: [0, 'z'] } }"));
        Same("[3, 2, 1]", Eval("{ $sortArray: { input: [2, 3, 1], sortBy: -1 } }"));
        Same("[{ n: 1 }, { n: 2 }]", Eval("{ $sortArray: { input: [{ n: 2 }, { n: 1 }], sortBy: { n: 1 } } }"));
    }

    [Fact]
    public void Object_and_array_conversions()
    {
        Same("{ a: 1, b: 2 }", Eval("{ $arrayToObject: [[['a', 1], ['b', 2]]] }"));
        Same("{ a: 1 }", Eval("{ $arrayToObject: [[{ k: 'a', v: 1 }]] }"));
        Same("[{ k: 'a', v: 1 }]", Eval("{ $objectToArray: { a: 1 } }"));
    }

    [Fact]
    public void Set_operators()
    {
        Same("[1, 2, 3]", Eval("{ $setUnion: [[1, 2], [2, 3]] }"));
        Same("[2]", Eval("{ $setIntersection: [[1, 2], [2, 3]] }"));
        Same("[1]", Eval("{ $setDifference: [[1, 2], [2, 3]] }"));
        Same("true", Eval("{ $setEquals: [[1, 2, 2], [2, 1]] }"));
        Same("true", Eval("{ $setIsSubset: [[1], [2, 1]] }"));
        Same("true", Eval("{ $anyElementTrue: [[0, 1]] }"));
        Same("false", Eval("{ $allElementsTrue: [[0, 1]] }"));
        Assert.Equal(17044, Fails("{ $setEquals: [[1], 1] }").Code);
    }

    [Fact]
    public void N_element_operators()
    {
        Same("[1, 2]", Eval("{ $firstN: { input: [1, 2, 3], n: 2 } }"));
        Same("[2, 3]", Eval("{ $lastN: { input: [1, 2, 3], n: 2 } }"));
        Same("[3, 2]", Eval("{ $maxN: { input: [1, 3, null, 2], n: 2 } }"));
        Same("[1]", Eval("{ $minN: { input: [1, 3, 2], n: 1 } }"));
    }
}
