using System.Net;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class ExpectedErrorMatcherTests
{
    private static readonly ValueMatcher Matcher = new(new NoEntities());

    private sealed class NoEntities : IMatchEntities
    {
        public BsonValue GetBsonValue(string name) => throw new InvalidOperationException(name);

        public BsonDocument GetSessionLsid(string name) => throw new InvalidOperationException(name);
    }

    private static ObservedError ServerError(int code, string codeName, string message, string? extra = null)
    {
        var reply = BsonDocument.Parse($"{{ ok: 0, code: {code}, codeName: '{codeName}', errmsg: '{message}' {(extra is null ? "" : ", " + extra)} }}");
        var connection = new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));
        var exception = new MongoCommandException(connection, message, new BsonDocument("findAndModify", "test"), reply);
        return ObservedError.From(exception, null);
    }

    private static void Check(string expectedError, ObservedError actual)
        => ExpectedErrorMatcher.AssertMatches(BsonDocument.Parse(expectedError), actual, Matcher);

    [Fact]
    public void Server_error_matches_code_name_message_and_response()
    {
        var error = ServerError(11000, "DuplicateKey", "E11000 duplicate key error", "keyPattern: { x: 1 }, keyValue: { x: 'foo' }");
        Check("{ isError: true, isClientError: false, errorCode: 11000, errorCodeName: 'DuplicateKey', errorContains: 'duplicate KEY', errorResponse: { keyPattern: { x: 1 }, keyValue: { x: 'foo' } } }", error);
    }

    [Fact]
    public void Server_error_is_not_a_client_error()
        => Assert.Throws<TestAssertionException>(() => Check("{ isClientError: true }", ServerError(2, "BadValue", "bad")));

    [Fact]
    public void Argument_validation_is_a_client_error()
        => Check("{ isClientError: true }", ObservedError.From(new ArgumentException("update documents must contain update operators"), null));

    [Fact]
    public void Wrong_code_fails_with_both_codes_in_the_message()
    {
        var failure = Assert.Throws<TestAssertionException>(() => Check("{ errorCode: 9 }", ServerError(2, "BadValue", "bad")));
        Assert.Contains("expected error code 9 but got 2", failure.Message);
    }

    [Fact]
    public void Partial_result_is_matched_as_a_root_document()
    {
        var error = ObservedError.From(new ArgumentException("x"), BsonDocument.Parse("{ insertedCount: 2, deletedCount: 0, upsertedIds: {} }"));
        Check("{ expectResult: { $$unsetOrMatches: { insertedCount: 2, upsertedIds: {} } } }", error);
    }
}
