namespace Ditib.Beratung.Web.Staff;

/// <summary>Where a staff page may send the browser back to: only pages of the workspace itself, never elsewhere.</summary>
public static class ReturnUrls
{
    public const string Home = "/staff";

    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 }
        && returnUrl.StartsWith(StaffPages.PathPrefix, StringComparison.OrdinalIgnoreCase)
        && (returnUrl.Length == StaffPages.PathPrefix.Length || returnUrl[StaffPages.PathPrefix.Length] is '/' or '?')
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal)
            ? returnUrl
            : Home;
}
