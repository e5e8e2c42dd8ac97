using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// A failure reported to the client as MongoDB would report it: <c>{ ok: 0, errmsg, code, codeName }</c>
/// for command errors, or a writeErrors entry for write errors (duplicate key, validation).
/// Throwing it never changes stored data that the operation had not already written.
/// </summary>
public sealed class MongoError : Exception
{
    public MongoError(ErrorCode code, string message, BsonDocument? extra = null)
        : this((int)code, CodeNameOf((int)code), message, extra)
    {
    }

    public MongoError(int code, string codeName, string message, BsonDocument? extra = null)
        : base(message)
    {
        Code = code;
        CodeName = codeName;
        Extra = extra;
    }

    public int Code { get; }

    public string CodeName { get; }

    /// <summary>Fields added beside code and errmsg: keyPattern/keyValue for duplicates, errInfo for validation.</summary>
    public BsonDocument? Extra { get; }

    public static MongoError BadValue(string message) => new(ErrorCode.BadValue, message);

    public static MongoError FailedToParse(string message) => new(ErrorCode.FailedToParse, message);

    public static MongoError TypeMismatch(string message) => new(ErrorCode.TypeMismatch, message);

    /// <summary>Errors MongoDB raises by source location (e.g. 16020) carry the name "Location&lt;code&gt;".</summary>
    public static MongoError Location(int code, string message) => new(code, "Location" + code, message);

    /// <summary>The <c>{ ok: 0, errmsg, code, codeName, ... }</c> reply of a failed command.</summary>
    public BsonDocument ToCommandReply()
    {
        var reply = new BsonDocument
        {
            { "ok", 0.0 },
            { "errmsg", Message },
            { "code", Code },
            { "codeName", CodeName },
        };
        if (Extra is not null) reply.Merge(Extra, overwriteExistingElements: false);
        return reply;
    }

    /// <summary>A writeErrors entry: <c>{ index, code, codeName, errmsg, ... }</c>.</summary>
    public BsonDocument ToWriteError(int index)
    {
        var error = new BsonDocument
        {
            { "index", index },
            { "code", Code },
            { "codeName", CodeName },
            { "errmsg", Message },
        };
        if (Extra is not null) error.Merge(Extra, overwriteExistingElements: false);
        return error;
    }

    private static string CodeNameOf(int code) =>
        Enum.IsDefined(typeof(ErrorCode), code) && !((ErrorCode)code).ToString().StartsWith("Location", StringComparison.Ordinal)
            ? ((ErrorCode)code).ToString()
            : "Location" + code;
}
