using System.Text.Json.Nodes;

namespace NextLevel.Api.Tests.Campaigns;

/// <summary>A valid campaign request as JSON, for tests to break one part at a time.</summary>
internal static class CampaignJson
{
    public static JsonObject Valid(string? name = null) => JsonNode.Parse($$"""
    {
      "name": "{{name ?? "Seattle sellers " + Guid.NewGuid().ToString("N")[..6]}}",
      "description": "Motivated sellers in King County",
      "type": "wholesale",
      "targeting": {
        "leadSources": ["zillow", "google_ads"],
        "intent": ["seller"],
        "qualification": { "minScore": 0.6, "minEquity": 0.2, "maxPrice": 600000, "propertyTypes": ["single_family"] },
        "geography": { "states": ["WA"], "cities": [], "zipCodes": [] },
        "motivationFactors": []
      },
      "workflow": {
        "initialContact": { "method": "automated_call", "timing": "within_5_minutes", "maxAttempts": 3, "retryDelay": 3600 },
        "followUp": [ { "delay": 86400, "method": "sms", "template": "follow_up_1" }, { "delay": 259200, "method": "email", "template": "follow_up_2" } ],
        "nurture": { "enabled": true, "frequency": "weekly", "duration": 90, "content": [] }
      },
      "conversationStrategy": {
        "openingScript": "Hi, this is Alex calling from Next Level Real Estate about your property. If you'd rather not hear from us, just say stop and we will remove you from our list.",
        "qualificationQuestions": ["What is the condition of the house?"]
      },
      "budget": { "totalBudget": 5000, "spent": 0, "costPerCall": 0.5, "maxCallsPerDay": 200, "maxLeadsPerDay": 100 },
      "schedule": {
        "startDate": "2026-03-01T00:00:00Z",
        "endDate": "2026-06-01T00:00:00Z",
        "callingHours": {
          "timezone": "America/Los_Angeles",
          "monday": { "start": "09:00", "end": "18:00" },
          "tuesday": { "start": "09:00", "end": "18:00" },
          "saturday": { "start": "10:00", "end": "14:00" }
        }
      }
    }
    """)!.AsObject();
}
