namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// Where the system Chromium is, and what happens without it: a newcomer's <c>dotnet test</c> skips the browser tests
/// with the install hint; on CI (<c>CI</c> set) a missing browser fails them, so a green run always drove a browser.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public const string PathVariable = "BERATUNG_CHROMIUM";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>True when the <c>CI</c> variable is set to anything but <c>false</c> or <c>0</c>.</summary>
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    public static string MissingMessage =>
        $"No Chromium at {ExecutablePath}: install chromium: apt-get install chromium (or set {PathVariable} to its path)";

    /// <summary>Skips the calling test when Chromium is missing, or fails it when running on CI.</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }

        if (OnCi)
        {
            throw new InvalidOperationException($"{MissingMessage}. CI is set, so a missing browser is a failure, not a skip.");
        }

        Skip.If(true, MissingMessage);
    }
}
