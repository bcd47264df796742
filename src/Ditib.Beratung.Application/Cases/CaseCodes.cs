using System.Text.RegularExpressions;

namespace Ditib.Beratung.Application.Cases;

/// <summary>Case codes as people type them: <c>f-2026-0042</c> and <c> F-2026-0042 </c> both find <c>F-2026-0042</c>.</summary>
public static partial class CaseCodes
{
    public static bool IsCode(string? text) => text is not null && Pattern().IsMatch(text.Trim());

    public static string? Normalise(string? text) => IsCode(text) ? text!.Trim().ToUpperInvariant() : null;

    [GeneratedRegex(@"^[Ff]-[0-9]{4}-[0-9]{4,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
