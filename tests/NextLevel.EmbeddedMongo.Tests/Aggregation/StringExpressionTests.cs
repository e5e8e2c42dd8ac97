using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class StringExpressionTests
{
    [Fact]
    public void Concat_joins_strings_and_null_propagates()
    {
        Same("'ab-c'", Eval("{ $concat: ['$a', '-', 'c'] }", "{ a: 'ab' }"));
        Same("null", Eval("{ $concat: ['a', '$missing'] }"));
        Assert.Equal(16702, Fails("{ $concat: ['a', 1] }").Code);
    }

    [Fact]
    public void Substr_variants_count_bytes_or_code_points()
    {
        Same("'ell'", Eval("{ $substr: ['hello', 1, 3] }"));
        Same("'llo'", Eval("{ $substrBytes: ['hello', 2, -1] }"));
        Same("'éb'", Eval("{ $substrCP: ['aébc', 1, 2] }"));
        Same("''", Eval("{ $substr: [null, 0, 2] }"));
        Assert.Equal(28656, Fails("{ $substrBytes: ['é', 1, 1] }").Code);
    }

    [Fact]
    public void Case_changes_ascii_only()
    {
        Same("'abc é'", Eval("{ $toLower: 'ABC é' }"));
        Same("'ABC'", Eval("{ $toUpper: 'abc' }"));
        Same("''", Eval("{ $toUpper: null }"));
        Same("'12'", Eval("{ $toLower: 12 }"));
    }

    [Fact]
    public void Trim_removes_whitespace_or_given_chars()
    {
        Same("'a b'", Eval("{ $trim: { input: '  a b \\n' } }"));
        Same("'a  '", Eval("{ $ltrim: { input: '  a  ' } }"));
        Same("'  a'", Eval("{ $rtrim: { input: '  a  ' } }"));
        Same("'b'", Eval("{ $trim: { input: 'xxbyx', chars: 'xy' } }"));
        Same("null", Eval("{ $trim: { input: null } }"));
    }

    [Fact]
    public void Split_and_lengths()
    {
        Same("['a', 'b', '']", Eval("{ $split: ['a,b,', ','] }"));
        Same("null", Eval("{ $split: [null, ','] }"));
        Assert.Equal(40087, Fails("{ $split: ['a', ''] }").Code);
        Same("3", Eval("{ $strLenBytes: 'aé' }"));
        Same("2", Eval("{ $strLenCP: 'aé' }"));
        Assert.Equal(34471, Fails("{ $strLenCP: 1 }").Code);
    }

    [Fact]
    public void IndexOf_finds_positions()
    {
        Same("2", Eval("{ $indexOfBytes: ['abcabc', 'c'] }"));
        Same("5", Eval("{ $indexOfCP: ['abcabc', 'c', 3] }"));
        Same("-1", Eval("{ $indexOfCP: ['abc', 'z'] }"));
        Same("null", Eval("{ $indexOfCP: [null, 'z'] }"));
    }

    [Fact]
    public void Regex_operators()
    {
        Same("true", Eval("{ $regexMatch: { input: 'Hello', regex: '^h', options: 'i' } }"));
        Same("false", Eval("{ $regexMatch: { input: null, regex: 'a' } }"));
        Same("{ match: 'b2', idx: 2, captures: ['2'] }", Eval("{ $regexFind: { input: 'a1b2', regex: /b(\\d)/ } }"));
        Same("null", Eval("{ $regexFind: { input: 'abc', regex: 'z' } }"));
        Same("[{ match: '1', idx: 1, captures: [] }, { match: '2', idx: 3, captures: [] }]", Eval("{ $regexFindAll: { input: 'a1b2', regex: '\\\\d' } }"));
    }

    [Fact]
    public void Replace_and_strcasecmp()
    {
        Same("'xbab'", Eval("{ $replaceOne: { input: 'abab', find: 'a', replacement: 'x' } }"));
        Same("'xbxb'", Eval("{ $replaceAll: { input: 'abab', find: 'a', replacement: 'x' } }"));
        Same("null", Eval("{ $replaceAll: { input: null, find: 'a', replacement: 'x' } }"));
        Same("0", Eval("{ $strcasecmp: ['ABC', 'abc'] }"));
        Same("-1", Eval("{ $strcasecmp: ['a', 'B'] }"));
    }
}
