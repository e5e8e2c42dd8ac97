using NextLevel.Api.Extensions;
using NextLevel.Api.Tools;

if (await ApiCommandLine.TryRunAsync(args) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

await app.RunAsync();
return 0;
