using NextLevel.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var mongodb = builder.AddMongoDB("mongodb", databaseName: "next_level_real_estate");

var api = builder.AddProject<Projects.NextLevel_Api>("api")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(mongodb)
    .WaitFor(mongodb);

builder.AddProject<Projects.NextLevel_Worker>("worker")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(mongodb)
    .WithReference(api)
    .WaitFor(mongodb)
    .WaitFor(api);

builder.AddProject<Projects.NextLevel_Web>("web")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
