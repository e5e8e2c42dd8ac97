using System.Security.Cryptography;
using NextLevel.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var mongodb = builder.AddMongoDB("mongodb", databaseName: "next_level_real_estate");

// Webhook secrets shared by the api (which checks provider signatures) and the worker (whose provider simulator
// signs): the configured ones, or fresh random ones for this run.
var twilioAuthToken = builder.Configuration["Providers:Twilio:AuthToken"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
var elevenLabsWebhookSecret = builder.Configuration["Providers:ElevenLabs:WebhookSecret"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

var api = builder.AddProject<Projects.NextLevel_Api>("api")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(mongodb)
    .WithEnvironment("Providers__Twilio__AuthToken", twilioAuthToken)
    .WithEnvironment("Providers__ElevenLabs__WebhookSecret", elevenLabsWebhookSecret)
    .WaitFor(mongodb);

// Local development (MongoDB run by the AppHost): the Api imports the labelled demo national DNC list at start, so
// the compliance gate's 31-day rule is met and calls can be placed (docs/compliance.md). Never with a server of
// your own; --Compliance:DemoNationalDnc:ImportOnStart=false turns it off.
var demoNationalDnc = builder.Configuration["Compliance:DemoNationalDnc:ImportOnStart"]
    ?? (builder.Configuration["ConnectionStrings:mongodb"] is null ? "true" : "false");
api.WithEnvironment("Compliance__DemoNationalDnc__ImportOnStart", demoNationalDnc);

builder.AddProject<Projects.NextLevel_Worker>("worker")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(mongodb)
    .WithReference(api)
    .WithEnvironment("Providers__Twilio__AuthToken", twilioAuthToken)
    .WithEnvironment("Providers__ElevenLabs__WebhookSecret", elevenLabsWebhookSecret)
    .WaitFor(mongodb)
    .WaitFor(api);

builder.AddProject<Projects.NextLevel_Web>("web")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
