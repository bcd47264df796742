namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Reads the comma-separated code lists that <c>group_concat</c> returns, in a stable order.</summary>
internal static class CodeList
{
    public static List<string> Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',').Order(StringComparer.Ordinal).ToList();
}
