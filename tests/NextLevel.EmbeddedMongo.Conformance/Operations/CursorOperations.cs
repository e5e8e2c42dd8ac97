using NextLevel.EmbeddedMongo.Conformance.Entities;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Operations on a saved cursor entity.</summary>
public static class CursorOperations
{
    /// <summary>The next document; for an exhausted non-tailable cursor there is none (null).</summary>
    public static async Task<OperationResult> Next(CursorEntity cursor, OperationArguments arguments, OperationContext context)
    {
        arguments.EnsureAllUsed();
        var document = await DriverCall.Run(() => cursor.NextAsync(context.CancellationToken));
        return OperationResult.Document(document);
    }

    public static Task<OperationResult> Close(CursorEntity cursor, OperationArguments arguments, OperationContext context)
    {
        arguments.EnsureAllUsed();
        cursor.Dispose();
        return Task.FromResult(OperationResult.None);
    }
}
