using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// Wraps an exception raised by the driver (or the server through it) while executing an operation, so that it is
/// matched against expectError and never confused with a failure of the runner itself.
/// </summary>
public sealed class DriverOperationException(Exception error) : Exception(error.Message, error)
{
    public Exception Error => InnerException!;

    /// <summary>The result the operation reported along with its error (a bulk write's partial result), if any.</summary>
    public BsonValue? PartialResult { get; init; }
}

/// <summary>Runs driver calls, marking what they throw as the operation's own error.</summary>
public static class DriverCall
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DriverOperationException(ex);
        }
    }

    public static async Task Run(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DriverOperationException(ex);
        }
    }
}
