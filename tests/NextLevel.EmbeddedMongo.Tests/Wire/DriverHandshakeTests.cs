using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Servers;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>The official driver connects unchanged and sees a 7.0 standalone.</summary>
public sealed class DriverHandshakeTests : IAsyncLifetime, IDisposable
{
    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;

    private IMongoDatabase Admin => _client.GetDatabase("admin");

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        _client = new MongoClient(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _client?.Dispose();

    private BsonDocument Run(BsonDocument command) => Admin.RunCommand<BsonDocument>(command);

    [Fact]
    public void Driver_runs_ping()
    {
        Assert.Equal(1.0, Run(new BsonDocument("ping", 1))["ok"].ToDouble());
    }

    [Fact]
    public async Task Driver_sees_a_standalone_server()
    {
        await Admin.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));

        var description = _client.Cluster.Description;
        Assert.Equal(ClusterType.Standalone, description.Type);
        var server = Assert.Single(description.Servers);
        Assert.Equal(ServerType.Standalone, server.Type);
        Assert.Equal(21, server.WireVersionRange.Max);
    }

    [Fact]
    public void Hello_reports_limits_and_no_replica_set_fields()
    {
        var hello = Run(new BsonDocument("hello", 1));

        Assert.True(hello["isWritablePrimary"].AsBoolean);
        Assert.True(hello["helloOk"].AsBoolean);
        Assert.Equal(16_777_216, hello["maxBsonObjectSize"].AsInt32);
        Assert.Equal(48_000_000, hello["maxMessageSizeBytes"].AsInt32);
        Assert.Equal(100_000, hello["maxWriteBatchSize"].AsInt32);
        Assert.Equal(30, hello["logicalSessionTimeoutMinutes"].AsInt32);
        Assert.Equal(0, hello["minWireVersion"].AsInt32);
        Assert.Equal(21, hello["maxWireVersion"].AsInt32);
        Assert.False(hello["readOnly"].AsBoolean);
        Assert.True(hello["connectionId"].ToInt64() > 0);
        Assert.Equal(BsonType.DateTime, hello["localTime"].BsonType);
        Assert.Equal(BsonType.ObjectId, hello["topologyVersion"]["processId"].BsonType);
        foreach (var field in new[] { "setName", "hosts", "msg", "compression", "secondary" }) Assert.False(hello.Contains(field), field);
    }

    [Theory]
    [InlineData("isMaster")]
    [InlineData("ismaster")]
    public void Legacy_is_master_names_answer_with_ismaster(string name)
    {
        var reply = Run(new BsonDocument(name, 1));

        Assert.True(reply["ismaster"].AsBoolean);
        Assert.False(reply.Contains("isWritablePrimary"));
    }

    [Fact]
    public void Authentication_fields_in_hello_are_ignored()
    {
        var reply = Run(new BsonDocument
        {
            { "hello", 1 },
            { "saslSupportedMechs", "admin.someone" },
            { "speculativeAuthenticate", new BsonDocument { { "saslStart", 1 }, { "mechanism", "SCRAM-SHA-256" } } },
        });

        Assert.Equal(1.0, reply["ok"].ToDouble());
        Assert.False(reply.Contains("speculativeAuthenticate"));
    }

    [Fact]
    public void Awaitable_hello_waits_for_max_await_time_when_topology_is_unchanged()
    {
        var topology = Run(new BsonDocument("hello", 1))["topologyVersion"];
        var started = DateTime.UtcNow;

        Run(new BsonDocument { { "hello", 1 }, { "topologyVersion", topology }, { "maxAwaitTimeMS", 300 } });

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public void Awaitable_hello_from_another_process_topology_answers_at_once()
    {
        var foreign = new BsonDocument { { "processId", ObjectId.GenerateNewId() }, { "counter", 0L } };
        var started = DateTime.UtcNow;

        Run(new BsonDocument { { "hello", 1 }, { "topologyVersion", foreign }, { "maxAwaitTimeMS", 10_000 } });

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Build_info_reports_version_7_0_14()
    {
        var info = Run(new BsonDocument("buildInfo", 1));

        Assert.Equal("7.0.14", info["version"].AsString);
        Assert.Equal(new BsonArray { 7, 0, 14, 0 }, info["versionArray"].AsBsonArray);
        Assert.Equal(16_777_216, info["maxBsonObjectSize"].AsInt32);
        Assert.True(info.Contains("gitVersion"));
    }

    [Fact]
    public void Get_parameter_reports_feature_compatibility_version_7_0()
    {
        var reply = Run(new BsonDocument { { "getParameter", 1 }, { "featureCompatibilityVersion", 1 } });

        Assert.Equal("7.0", reply["featureCompatibilityVersion"]["version"].AsString);
    }

    [Fact]
    public void Get_parameter_star_lists_all_and_show_details_wraps_values()
    {
        var all = Run(new BsonDocument("getParameter", "*"));
        var detailed = Run(new BsonDocument { { "getParameter", new BsonDocument("showDetails", true) }, { "logLevel", 1 } });

        Assert.True(all.Contains("featureCompatibilityVersion"));
        Assert.Equal(0, detailed["logLevel"]["value"].AsInt32);
    }

    [Fact]
    public void Get_parameter_of_unknown_name_fails_with_invalid_options()
    {
        var error = Assert.Throws<MongoCommandException>(() => Run(new BsonDocument { { "getParameter", 1 }, { "noSuchParameter", 1 } }));

        Assert.Equal(72, error.Code);
    }

    [Fact]
    public void Server_status_reports_process_connections_and_opcounters()
    {
        var status = Run(new BsonDocument("serverStatus", 1));

        Assert.Equal("mongod", status["process"].AsString);
        Assert.Equal("7.0.14", status["version"].AsString);
        Assert.Equal(Environment.ProcessId, status["pid"].ToInt64());
        Assert.True(status["uptimeMillis"].ToInt64() >= 0);
        Assert.True(status["connections"]["current"].ToInt32() >= 1);
        Assert.True(status["connections"]["totalCreated"].ToInt64() >= 1);
        Assert.True(status["opcounters"]["command"].ToInt64() >= 1);
        Assert.Equal("nextlevel", status["storageEngine"]["name"].AsString);
        Assert.False(status["storageEngine"]["persistent"].AsBoolean);
        Assert.True(status["mem"]["resident"].ToInt32() > 0);
    }

    [Fact]
    public void Whatsmyuri_reports_the_client_endpoint()
    {
        Assert.StartsWith("127.0.0.1:", Run(new BsonDocument("whatsmyuri", 1))["you"].AsString);
    }

    [Fact]
    public void Connection_status_reports_no_authenticated_users()
    {
        var reply = Run(new BsonDocument { { "connectionStatus", 1 }, { "showPrivileges", true } });

        Assert.Empty(reply["authInfo"]["authenticatedUsers"].AsBsonArray);
        Assert.Empty(reply["authInfo"]["authenticatedUserPrivileges"].AsBsonArray);
    }

    [Fact]
    public void Host_info_and_cmd_line_opts_describe_the_host()
    {
        var host = Run(new BsonDocument("hostInfo", 1));
        var options = Run(new BsonDocument("getCmdLineOpts", 1));

        Assert.True(host["system"]["numCores"].ToInt32() >= 1);
        Assert.Equal(_server.Port, options["parsed"]["net"]["port"].ToInt32());
    }

    [Fact]
    public void List_commands_includes_handshake_and_crud_commands()
    {
        var commands = Run(new BsonDocument("listCommands", 1))["commands"].AsBsonDocument;

        Assert.True(commands.Contains("hello"));
        Assert.True(commands.Contains("ping"));
        Assert.True(commands.Contains("find"));
    }

    [Fact]
    public void Get_log_lists_logs_and_returns_empty_ones()
    {
        Assert.Contains("global", Run(new BsonDocument("getLog", "*"))["names"].AsBsonArray.Select(n => n.AsString));
        Assert.Empty(Run(new BsonDocument("getLog", "startupWarnings"))["log"].AsBsonArray);
    }

    [Fact]
    public void Start_session_returns_a_uuid_id()
    {
        var reply = Run(new BsonDocument("startSession", 1));

        Assert.Equal(BsonBinarySubType.UuidStandard, reply["id"]["id"].AsBsonBinaryData.SubType);
        Assert.Equal(30, reply["timeoutMinutes"].AsInt32);
    }

    [Fact]
    public void Explicit_and_implicit_sessions_work_and_end_cleanly()
    {
        using (var session = _client.StartSession())
        {
            Admin.RunCommand<BsonDocument>(session, new BsonDocument("ping", 1));
        }
        for (var i = 0; i < 5; i++) Run(new BsonDocument("ping", 1));

        Assert.Equal(1.0, Run(new BsonDocument { { "endSessions", new BsonArray() } })["ok"].ToDouble());
        Assert.Equal(1.0, Run(new BsonDocument { { "refreshSessions", new BsonArray() } })["ok"].ToDouble());
        Assert.Equal(1.0, Run(new BsonDocument { { "killAllSessions", new BsonArray() } })["ok"].ToDouble());
    }

    [Fact]
    public void Unknown_command_fails_with_command_not_found()
    {
        var error = Assert.Throws<MongoCommandException>(() => Run(new BsonDocument("noSuchCommand", 1)));

        Assert.Equal(59, error.Code);
    }

    [Fact]
    public async Task Many_parallel_clients_are_served()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var client = new MongoClient(_server.ConnectionString);
            for (var i = 0; i < 20; i++) await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        }));
    }
}
