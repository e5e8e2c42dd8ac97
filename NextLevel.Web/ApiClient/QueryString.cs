using System.Globalization;
using System.Text;

namespace NextLevel.Web.ApiClient;

/// <summary>Builds a query string from the parameters that have a value.</summary>
public sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return this;
    }

    public QueryString Add(string name, double? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryString Add(string name, DateTimeOffset? value) => Add(name, value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    public override string ToString() => _text.ToString();
}
