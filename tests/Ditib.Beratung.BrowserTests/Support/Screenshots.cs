using Microsoft.Playwright;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// Screenshots for the README. Every run writes them next to the test binaries (bin/.../screenshots/); with
/// <c>BERATUNG_UPDATE_SCREENSHOTS=1</c> they are also written into the committed folder
/// <c>tests/Ditib.Beratung.BrowserTests/screenshots/</c>, so an ordinary test run never changes the work tree.
/// </summary>
public static class Screenshots
{
    public const string UpdateVariable = "BERATUNG_UPDATE_SCREENSHOTS";

    /// <param name="forReadme">False for a picture that only goes next to the binaries, for a person to look at.</param>
    public static async Task TakeAsync(IPage page, string fileName, bool forReadme = true)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });
        Assert.True(bytes.Length > 10_000, $"the screenshot {fileName} is suspiciously small ({bytes.Length} bytes)");
        Write(Path.Combine(AppContext.BaseDirectory, "screenshots"), fileName, bytes);
        if (forReadme && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Write(Path.Combine(ProjectFolder(), "screenshots"), fileName, bytes);
        }
    }

    private static void Write(string folder, string fileName, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), bytes);
    }

    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ditib.Beratung.BrowserTests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Ditib.Beratung.BrowserTests.csproj not found above " + AppContext.BaseDirectory);
    }
}
