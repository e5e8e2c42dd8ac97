using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Leads;

/// <summary>
/// Streams the leads matching the list's filters as CSV (RFC 4180), batch by batch from a cursor, so the export
/// never holds the whole list. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public static class LeadCsvExport
{
    private static readonly string[] Header =
        ["id", "source", "externalId", "receivedAt", "firstName", "lastName", "email", "phone", "city", "state", "zipCode",
         "status", "stage", "score", "qualified", "campaignName", "tags", "nextFollowUp", "lastContactedAt"];

    public static Results<PushStreamHttpResult, ValidationProblem> ExportAsync([AsParameters] LeadListRequest request, LeadServices services, ClaimsPrincipal user)
    {
        var query = LeadListQuery.Parse(request with { Cursor = null, Limit = null }, out var errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 64 * 1024);
            await writer.WriteLineAsync(string.Join(',', Header));
            long rows = 0;
            var options = new FindOptions<Lead> { Sort = query.Sort.SortDocument(), BatchSize = 1000 };
            using var cursor = await services.Leads.FindAsync(query.Filter, options);
            while (await cursor.MoveNextAsync())
            {
                foreach (var lead in cursor.Current)
                {
                    await writer.WriteLineAsync(Row(lead));
                    rows++;
                }
                await writer.FlushAsync();
            }
            LeadsLog.Exported(services.Logger, rows, StaffClaims.UserId(user));
        }, "text/csv; charset=utf-8", "leads.csv");
    }

    private static string Row(Lead l)
    {
        string?[] cells =
        [
            l.Id.ToString(), StoredEnum.Name(l.Source), l.ExternalId, Time(l.ReceivedAt), l.Contact.FirstName, l.Contact.LastName, l.Contact.Email,
            l.Contact.Phone, l.Contact.Address?.City, l.Contact.Address?.State, l.Contact.Address?.ZipCode, StoredEnum.Name(l.Status), StoredEnum.Name(l.Stage),
            l.Qualification?.Score.ToString("0.###", CultureInfo.InvariantCulture), (l.Qualification?.Qualified ?? false) ? "true" : "false",
            l.CampaignName, string.Join(';', l.Tags), l.NextFollowUp is { } f ? Time(f) : null, l.LastContactedAt is { } c ? Time(c) : null,
        ];
        return string.Join(',', cells.Select(Cell));
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var isPhone = value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);
        if (!isPhone && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
