using NextLevel.Api.Calls;
using NextLevel.Api.Closers;
using NextLevel.Api.Campaigns;
using NextLevel.Api.Compliance;
using NextLevel.Api.Compliance.Evidence;
using NextLevel.Api.Compliance.Ledger;
using NextLevel.Api.Dashboard;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Api.Intake;
using NextLevel.Api.Leads;
using NextLevel.Api.Properties;
using NextLevel.Api.Tools;

if (await ApiCommandLine.TryRunAsync(args) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApplicationPipeline();
app.MapDefaultEndpoints();

app.MapIdentityApi();
app.MapIntakeApi();
app.MapLeadsApi();
app.MapPropertiesApi();
app.MapCampaignsApi();
app.MapDashboardApi();
app.MapComplianceApi();
app.MapCallsApi();
app.MapCallQueriesApi();
app.MapComplianceAuditApi();
app.MapRoutingApi();
app.MapClosersApi();
app.MapTasksApi();
app.MapAppointmentsApi();
app.MapCalendarFeedApi();
app.MapOffersApi();
app.MapDealsApi();
app.MapPipelineApi();
app.MapMyDayApi();
app.MapEvidenceApi();
app.MapLedgerApi();

await app.RunAsync();
return 0;
