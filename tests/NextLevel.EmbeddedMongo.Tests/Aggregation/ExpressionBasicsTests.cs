using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class ExpressionBasicsTests
{
    [Fact]
    public void Field_path_reads_nested_fields()
    {
        Same("5", Eval("'$a.b'", "{ a: { b: 5 } }"));
    }

    [Fact]
    public void Field_path_through_array_of_documents_yields_array_of_values()
    {
        Same("[1, 3]", Eval("'$a.b'", "{ a: [ { b: 1 }, { c: 2 }, { b: 3 }, 7, [ { b: 9 } ] ] }"));
    }

    [Fact]
    public void Missing_field_evaluates_to_missing()
    {
        Assert.Null(Eval("'$nope'", "{ a: 1 }"));
        Assert.Null(Eval("'$a.b'", "{ a: 1 }"));
    }

    [Fact]
    public void Root_current_and_remove_variables()
    {
        Same("{ a: 1 }", Eval("'$$ROOT'", "{ a: 1 }"));
        Same("1", Eval("'$$CURRENT.a'", "{ a: 1 }"));
        Same("1", Eval("'$$ROOT.a'", "{ a: 1 }"));
        Assert.Null(Eval("'$$REMOVE'", "{ a: 1 }"));
    }

    [Fact]
    public void Now_is_the_context_time()
    {
        var now = new DateTime(2025, 10, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new BsonDateTime(now), Eval("'$$NOW'", now: now));
    }

    [Fact]
    public void User_variables_are_read_with_paths()
    {
        var vars = new Dictionary<string, BsonValue> { ["x"] = new BsonDocument("y", 4) };
        Same("4", Eval("'$$x.y'", variables: vars));
    }

    [Fact]
    public void Undefined_variable_fails()
    {
        Assert.Equal(17276, Fails("'$$nope'").Code);
    }

    [Fact]
    public void Expression_object_builds_document_without_missing_fields()
    {
        Same("{ x: 1, z: { w: 'a' } }", Eval("{ x: '$a', y: '$missing', z: { w: 'a' } }", "{ a: 1 }"));
    }

    [Fact]
    public void Array_of_expressions_turns_missing_into_null()
    {
        Same("[1, null, 'lit']", Eval("['$a', '$missing', 'lit']", "{ a: 1 }"));
    }

    [Fact]
    public void Literal_is_not_evaluated()
    {
        Same("'$a'", Eval("{ $literal: '$a' }", "{ a: 1 }"));
        Same("{ $add: [1, 2] }", Eval("{ $literal: { $add: [1, 2] } }"));
    }

    [Fact]
    public void Unknown_operator_is_rejected()
    {
        var error = Fails("{ $foo: 1 }");
        Assert.Equal((int)ErrorCode.InvalidPipelineOperator, error.Code);
        Assert.Equal("Unrecognized expression '$foo'", error.Message);
    }

    [Fact]
    public void Operator_object_with_two_fields_is_rejected()
    {
        Assert.Equal(15983, Fails("{ $add: [1], $subtract: [1, 2] }").Code);
    }

    [Fact]
    public void Wrong_arity_is_rejected()
    {
        Assert.Equal(16020, Fails("{ $eq: [1] }").Code);
    }

    [Fact]
    public void Comparison_uses_mongodb_order_with_missing_below_null()
    {
        Same("true", Eval("{ $eq: [1, 1.0] }"));
        Same("false", Eval("{ $eq: ['$missing', null] }"));
        Same("true", Eval("{ $lt: ['$missing', null] }"));
        Same("true", Eval("{ $gt: ['a', 5] }"));
        Same("-1", Eval("{ $cmp: [1, 2] }"));
        Same("true", Eval("{ $ne: [1, '1'] }"));
        Same("true", Eval("{ $gte: [2, 2] }"));
        Same("true", Eval("{ $lte: [[1], [1, 2]] }"));
    }

    [Fact]
    public void Boolean_operators_use_aggregation_truthiness()
    {
        Same("false", Eval("{ $and: [1, 0] }"));
        Same("true", Eval("{ $and: [1, 'x', [], {}] }"));
        Same("true", Eval("{ $and: [] }"));
        Same("true", Eval("{ $or: [null, 5] }"));
        Same("false", Eval("{ $or: ['$missing', false] }"));
        Same("true", Eval("{ $not: [0] }"));
        Same("false", Eval("{ $not: 1 }"));
    }

    [Fact]
    public void Cond_supports_array_and_document_forms()
    {
        Same("'yes'", Eval("{ $cond: [{ $gt: ['$a', 1] }, 'yes', 'no'] }", "{ a: 2 }"));
        Same("'no'", Eval("{ $cond: { if: { $gt: ['$a', 1] }, then: 'yes', else: 'no' } }", "{ a: 0 }"));
        Assert.Equal(17080, Fails("{ $cond: { then: 1, else: 2 } }").Code);
    }

    [Fact]
    public void IfNull_returns_first_non_null_argument()
    {
        Same("3", Eval("{ $ifNull: ['$a', '$b', 3] }", "{ a: null }"));
        Same("2", Eval("{ $ifNull: ['$a', '$b', 3] }", "{ b: 2 }"));
        Same("null", Eval("{ $ifNull: ['$a', null] }"));
    }

    [Fact]
    public void Switch_picks_first_true_branch_or_default_or_fails()
    {
        const string expr = "{ $switch: { branches: [ { case: { $lt: ['$n', 0] }, then: 'neg' }, { case: { $eq: ['$n', 0] }, then: 'zero' } ], default: 'pos' } }";
        Same("'neg'", Eval(expr, "{ n: -1 }"));
        Same("'zero'", Eval(expr, "{ n: 0 }"));
        Same("'pos'", Eval(expr, "{ n: 5 }"));
        Assert.Equal(40066, Fails("{ $switch: { branches: [ { case: false, then: 1 } ] } }").Code);
    }

    [Fact]
    public void Let_binds_variables_for_its_body_only()
    {
        Same("6", Eval("{ $let: { vars: { x: 2, y: '$a' }, in: { $multiply: ['$$x', '$$y'] } } }", "{ a: 3 }"));
        Assert.Null(Eval("{ $let: { vars: { x: '$missing' }, in: '$$x' } }"));
        Assert.Equal(16870, Fails("{ $let: { vars: { X: 1 }, in: 1 } }").Code);
    }

    [Fact]
    public void Parsed_expression_can_be_evaluated_many_times()
    {
        var expr = NextLevel.EmbeddedMongo.Aggregation.Expressions.Expr.Parse(Value("{ $add: ['$a', 1] }"));
        for (var i = 0; i < 3; i++)
        {
            var result = expr.Evaluate(new NextLevel.EmbeddedMongo.Aggregation.Expressions.ExprContext(new BsonDocument("a", i)));
            Same((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), result);
        }
    }
}
