using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Api.Identity;
using NextLevel.Api.Tests.Identity;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance.Evidence;

/// <summary>The compliance role through real sign-in (bearer tokens): created by an admin, it reaches the evidence and audit views, not user management.</summary>
public sealed class ComplianceRoleTests(RealSignInFixture api) : IClassFixture<RealSignInFixture>
{
    [Fact]
    public async Task An_admin_creates_a_compliance_officer_who_downloads_evidence_but_cannot_manage_users()
    {
        var admin = await IdentityTestData.CreateUserAsync(api, StaffRoles.Admin);
        using var adminClient = IdentityTestData.WithToken(api, await IdentityTestData.SignInAsync(api, admin.Email));
        var email = $"officer{Guid.NewGuid():N}@example.com";
        var created = await adminClient.PostAsJsonAsync("/api/users", new { email, displayName = "Compliance Officer", roles = new[] { "compliance" }, password = "a long enough password" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var now = api.Clock.GetUtcNow().UtcDateTime;
        var lead = new Lead { Source = LeadSource.Manual, ExternalId = "role-" + ObjectId.GenerateNewId(), ReceivedAt = now, Contact = new LeadContact { Phone = "+12064441234" }, CreatedAt = now, UpdatedAt = now };
        await api.Database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(lead);

        using var officer = IdentityTestData.WithToken(api, await IdentityTestData.SignInAsync(api, email, "a long enough password"));
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(["compliance"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/compliance/evidence/{lead.Id}?format=zip")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/compliance/audit/dnc-imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/users")).StatusCode);
    }
}
