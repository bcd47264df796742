using System.Text;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Writes CSV (RFC 4180) for every export of the system. A field that a spreadsheet would take as a formula (starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading <c>'</c> (OWASP's rule against
/// CSV injection), so a partner named <c>=HYPERLINK(…)</c> shows as text.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static StringBuilder Line(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    public static string Field(string field)
    {
        var text = field.Length > 0 && FormulaStarts.Contains(field[0]) ? "'" + field : field;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
