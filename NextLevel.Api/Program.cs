var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMongoDBClient("mongodb");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
