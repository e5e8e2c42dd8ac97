using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace NextLevel.Api.Tests.Compliance.Evidence;

/// <summary>Reads a downloaded package back: the ZIP's entries, package.json and CSV rows, and the PDF's pages and text.</summary>
public sealed class ZipPackage
{
    public ZipPackage(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            Files[entry.FullName] = reader.ReadToEnd();
        }
    }

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public JsonObject Json => JsonNode.Parse(Files["package.json"])!.AsObject();

    /// <summary>The CSV's header and rows (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    public (string[] Header, List<Dictionary<string, string>> Rows) Csv(string name)
    {
        var records = ParseCsv(Files[name]);
        var header = records[0];
        var rows = records.Skip(1).Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v)).ToList();
        return (header, rows);
    }

    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); records.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }
        return records;
    }
}

public static class PdfText
{
    /// <summary>Opens the PDF with PDFsharp and returns its page count and the text shown on each page (Tj/TJ operands).</summary>
    public static (int Pages, List<string> Text) Read(byte[] bytes)
    {
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var text = new StringBuilder();
            Collect(ContentReader.ReadContent(page), text);
            pages.Add(text.ToString());
        }
        return (document.PageCount, pages);
    }

    private static void Collect(CObject content, StringBuilder text)
    {
        switch (content)
        {
            case COperator op when op.OpCode.Name is "Tj" or "TJ" or "'" or "\"":
                foreach (var operand in op.Operands) Collect(operand, text);
                text.Append('\n');
                break;
            case CSequence sequence:
                foreach (var item in sequence) Collect(item, text);
                break;
            case CString s:
                text.Append(s.Value);
                break;
        }
    }
}
