var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddMongoDBClient("mongodb");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
