using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NextLevel.Api.Compliance.Evidence;

/// <summary>
/// A minimal flowing-text layout over PDFsharp: headings, wrapped paragraphs and label/value lines on US Letter pages,
/// a new page when the current one is full, and "page n of N" footers once the document is complete.
/// </summary>
internal sealed class PdfFlow
{
    private const double Margin = 48;
    private const double FooterHeight = 24;

    private readonly PdfDocument _document;
    private readonly XFont _title = new(EvidenceFontResolver.Family, 16, XFontStyleEx.Bold);
    private readonly XFont _heading = new(EvidenceFontResolver.Family, 12, XFontStyleEx.Bold);
    private readonly XFont _body = new(EvidenceFontResolver.Family, 8.5, XFontStyleEx.Regular);
    private readonly XFont _label = new(EvidenceFontResolver.Family, 8.5, XFontStyleEx.Bold);
    private readonly string _footer;
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    public PdfFlow(PdfDocument document, string footer)
    {
        _document = document;
        _footer = footer;
        NewPage();
    }

    private double Width => _page!.Width.Point - 2 * Margin;

    private double Bottom => _page!.Height.Point - Margin - FooterHeight;

    public void Title(string text)
    {
        Lines(text, _title, 0, 20);
        _y += 4;
    }

    public void Heading(string text)
    {
        if (_y + 48 > Bottom) NewPage();
        _y += 8;
        Lines(text, _heading, 0, 15);
        _graphics!.DrawLine(XPens.Gray, Margin, _y, Margin + Width, _y);
        _y += 5;
    }

    public void Paragraph(string text, double indent = 0) => Lines(text, _body, indent, 11);

    /// <summary>"Label: value" with the value wrapped under itself.</summary>
    public void Field(string label, string? value, double indent = 8)
    {
        var labelText = label + ": ";
        var labelWidth = Math.Min(_graphics!.MeasureString(labelText, _label).Width, Width / 3);
        var lines = Wrap(value ?? "—", _body, Width - indent - labelWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(11);
            if (i == 0) _graphics.DrawString(labelText, _label, XBrushes.Black, new XRect(Margin + indent, _y, labelWidth, 11), XStringFormats.TopLeft);
            _graphics.DrawString(lines[i], _body, XBrushes.Black, new XRect(Margin + indent + labelWidth, _y, Width - indent - labelWidth, 11), XStringFormats.TopLeft);
            _y += 11;
        }
    }

    public void Space(double points = 6) => _y += points;

    /// <summary>Draws the footers and ends the layout.</summary>
    public void Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{_footer} — page {i + 1} of {count}");
            g.DrawString(text, _body, XBrushes.Gray, new XRect(Margin, page.Height.Point - Margin - 10, page.Width.Point - 2 * Margin, 10), XStringFormats.TopCenter);
        }
    }

    private void Lines(string text, XFont font, double indent, double lineHeight)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureRoom(lineHeight);
            _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Width = XUnit.FromInch(8.5);
        _page.Height = XUnit.FromInch(11);
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    /// <summary>Greedy word wrap; a word longer than the line (a URL, a hash) is cut into pieces that fit.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_graphics!.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) result.Add(line);
                line = word;
                while (line.Length > 1 && _graphics.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _graphics.MeasureString(line[..cut], font).Width > width) cut--;
                    result.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            result.Add(line);
        }
        return result;
    }
}
