using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Cursors;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class CursorRegistryTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static CommandContext OnConnection(long id) =>
        new() { Database = "db", Connection = new ClientConnectionInfo { Id = id, RemoteEndPoint = "127.0.0.1:1" } };

    private static IEnumerable<BsonDocument> Documents(int count) => Enumerable.Range(0, count).Select(i => new BsonDocument("i", i));

    [Fact]
    public void First_batch_that_exhausts_the_results_opens_no_cursor()
    {
        var registry = new CursorRegistry(new ManualTime());

        var (batch, id) = registry.Open("db", "c", OnConnection(1), null, Documents(3), 5, singleBatch: false);

        Assert.Equal(3, batch.Count);
        Assert.Equal(0, id);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Exactly_filled_first_batch_opens_no_cursor()
    {
        var registry = new CursorRegistry(new ManualTime());

        var (_, id) = registry.Open("db", "c", OnConnection(1), null, Documents(4), 4, singleBatch: false);

        Assert.Equal(0, id);
    }

    [Fact]
    public void Cursor_ids_are_positive_and_batches_continue_where_they_stopped()
    {
        var registry = new CursorRegistry(new ManualTime());
        var (first, id) = registry.Open("db", "c", OnConnection(1), null, Documents(5), 2, singleBatch: false);

        var cursor = registry.Acquire(id, "db", "c", null);
        var next = cursor.NextBatch(10, out var exhausted);
        registry.Release(cursor, exhausted);

        Assert.True(id > 0);
        Assert.Equal([0, 1], first.Select(d => d["i"].AsInt32));
        Assert.Equal([2, 3, 4], next.Select(d => d["i"].AsInt32));
        Assert.True(exhausted);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Idle_cursors_are_reaped_after_ten_minutes()
    {
        var time = new ManualTime();
        var registry = new CursorRegistry(time);
        var (_, idle) = registry.Open("db", "c", OnConnection(1), null, Documents(5), 1, singleBatch: false);

        time.Now += TimeSpan.FromMinutes(11);
        registry.Open("db", "c", OnConnection(1), null, Documents(5), 1, singleBatch: false);

        var error = Assert.Throws<MongoError>(() => registry.Acquire(idle, "db", "c", null));
        Assert.Equal((int)ErrorCode.CursorNotFound, error.Code);
    }

    [Fact]
    public void Closing_a_connection_drops_its_cursors_but_keeps_session_cursors()
    {
        var registry = new CursorRegistry(new ManualTime());
        var session = new BsonDocument("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard));
        var (_, plain) = registry.Open("db", "c", OnConnection(7), null, Documents(5), 1, singleBatch: false);
        var (_, withSession) = registry.Open("db", "c", OnConnection(7), session, Documents(5), 1, singleBatch: false);
        var (_, other) = registry.Open("db", "c", OnConnection(8), null, Documents(5), 1, singleBatch: false);

        registry.DropConnection(7);

        Assert.Throws<MongoError>(() => registry.Acquire(plain, "db", "c", null));
        registry.Release(registry.Acquire(withSession, "db", "c", session), exhausted: false);
        registry.Release(registry.Acquire(other, "db", "c", null), exhausted: false);
    }

    [Fact]
    public void Session_cursor_refuses_a_getMore_from_another_session()
    {
        var registry = new CursorRegistry(new ManualTime());
        var session = new BsonDocument("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard));
        var (_, id) = registry.Open("db", "c", OnConnection(1), session, Documents(5), 1, singleBatch: false);

        var error = Assert.Throws<MongoError>(() => registry.Acquire(id, "db", "c", new BsonDocument("id", "someone else")));

        Assert.Equal((int)ErrorCode.CursorNotFound, error.Code);
    }

    [Fact]
    public void Batches_stop_at_sixteen_mebibytes()
    {
        var registry = new CursorRegistry(new ManualTime());
        var large = Enumerable.Range(0, 6).Select(i => new BsonDocument { { "i", i }, { "payload", new string('x', 4 * 1024 * 1024) } });

        var (batch, id) = registry.Open("db", "c", OnConnection(1), null, large, null, singleBatch: false);

        Assert.Equal(4, batch.Count);
        Assert.NotEqual(0, id);
    }
}
