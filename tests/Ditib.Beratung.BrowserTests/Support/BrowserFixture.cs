using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// One running application and one headless system Chromium for a test class. A test class that needs data derives
/// from this and overrides <see cref="SeedAsync"/>. Without Chromium the app still starts, and every test asks
/// <see cref="Chromium.Require"/> (through <see cref="NewPageAsync"/>) whether to skip or fail.
/// </summary>
public class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private static int toldAboutMissingBrowser;

    /// <summary>Generous, for a shared 2-core machine: waits end as soon as the condition holds.</summary>
    public const float TimeoutMs = 30_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserApp App { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public async Task InitializeAsync()
    {
        App.Run();
        using (var admin = await App.AdminClientAsync())
        {
            await SeedAsync(admin);
        }

        if (!Chromium.IsInstalled)
        {
            // Shown once in the plain `dotnet test` output (xunit.runner.json turns diagnostic messages on), since
            // skip reasons alone only appear at detailed verbosity.
            if (Interlocked.Exchange(ref toldAboutMissingBrowser, 1) == 0)
            {
                diagnostics.OnMessage(new DiagnosticMessage(Chromium.OnCi
                    ? $"{Chromium.MissingMessage}. CI is set: the browser tests fail."
                    : $"{Chromium.MissingMessage}. The browser tests are skipped."));
            }

            return;
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    protected virtual Task SeedAsync(HttpClient admin) => Task.CompletedTask;

    /// <summary>A fresh browser context (own cookies) and page; skips or fails the test when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        Chromium.Require();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = App.BaseAddress.ToString();
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>A phone: 390×844 CSS pixels, touch, mobile viewport, in the given language (also Accept-Language).</summary>
    public static BrowserNewContextOptions Phone(string locale, int width = 390, int height = 844) => new()
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = locale,
    };

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
