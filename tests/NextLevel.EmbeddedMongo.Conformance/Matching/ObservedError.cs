using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>The facts expectError assertions look at, read from a driver exception.</summary>
public sealed record ObservedError(
    Exception Exception,
    bool IsClientError,
    bool IsTimeoutError,
    IReadOnlyList<string> Messages,
    int? Code,
    string? CodeName,
    IReadOnlyCollection<string> ErrorLabels,
    BsonDocument? Response,
    BsonValue? PartialResult)
{
    /// <summary>
    /// Server errors are the driver's MongoServerException family; everything else (argument validation, network,
    /// serialization) originates in the client.
    /// </summary>
    public static ObservedError From(Exception exception, BsonValue? partialResult)
    {
        var messages = new List<string> { exception.Message };
        int? code = null;
        string? codeName = null;
        BsonDocument? response = null;
        switch (exception)
        {
            case MongoCommandException command:
                code = command.Code;
                codeName = command.CodeName;
                response = command.Result;
                messages.Add(command.ErrorMessage);
                break;
            case MongoWriteException write when write.WriteError is { } writeError:
                code = writeError.Code;
                messages.Add(writeError.Message);
                response = WriteErrorResponse(writeError.Code, writeError.Message, writeError.Details);
                break;
            case MongoWriteException { WriteConcernError: { } concernError }:
                code = concernError.Code;
                codeName = concernError.CodeName;
                messages.Add(concernError.Message);
                break;
            case MongoBulkWriteException bulk:
                messages.AddRange(bulk.WriteErrors.Select(e => e.Message));
                if (bulk.WriteErrors.Count > 0)
                {
                    var first = bulk.WriteErrors[0];
                    code = first.Code;
                    response = WriteErrorResponse(first.Code, first.Message, first.Details);
                }
                else if (bulk.WriteConcernError is { } bulkConcernError)
                {
                    code = bulkConcernError.Code;
                    codeName = bulkConcernError.CodeName;
                    messages.Add(bulkConcernError.Message);
                }
                break;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException) messages.Add(inner.Message);
        var labels = exception is MongoException mongo ? mongo.ErrorLabels : [];
        var isTimeout = exception is TimeoutException or MongoExecutionTimeoutException;
        return new ObservedError(exception, IsClientSide(exception), isTimeout, messages, code, codeName, labels, response, partialResult);
    }

    /// <summary>
    /// A client bulk write wraps whatever stopped it; without write errors or write concern errors from the server,
    /// the wrapped exception tells where the error arose (e.g. update validation in the driver).
    /// </summary>
    private static bool IsClientSide(Exception exception) => exception switch
    {
        ClientBulkWriteException { WriteErrors.Count: 0, WriteConcernErrors.Count: 0, InnerException: { } inner } => IsClientSide(inner),
        _ => exception is not MongoServerException,
    };

    /// <summary>A write error as the server reported it inside writeErrors (the driver keeps no raw reply for it).</summary>
    private static BsonDocument WriteErrorResponse(int code, string message, BsonDocument? details)
    {
        var response = new BsonDocument { { "code", code }, { "errmsg", message } };
        if (details is not null) response["errInfo"] = details;
        return response;
    }

    public string Describe() => $"{Exception.GetType().Name}: {Exception.Message}";
}
