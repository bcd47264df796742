using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// The admin sets up a new counsellor in the browser (issue 15): an account with the counsellor role and a generated
/// initial password, the counsellor profile linked to it; then the counsellor signs in with that password, changes it,
/// enrols her authenticator app and reaches her home page. axe-core on every admin page at 1280 and 768 px.
/// </summary>
public sealed class AdminTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [SkippableFact]
    public async Task Admin_CreatesACounsellorAccountAndProfile_TheCounsellorSignsInChangesHerPasswordEnrolsAndReachesHerDay()
    {
        var admin = await StaffSession.SignInAsync(fixture, "admin");
        var page = admin.Page;
        var blocking = new StringBuilder();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Benutzer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Benutzer");
        await CheckAsync(page, "users", blocking);
        await page.GetByRole(AriaRole.Link, new() { Name = "Neues Konto anlegen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Neues Konto");
        await CheckAsync(page, "new user", blocking);
        await page.GetByLabel("Benutzername").FillAsync("beraterin.browser");
        await page.Locator("#user-role-counsellor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Das Konto beraterin.browser ist angelegt." })).ToBeVisibleAsync();
        var initialPassword = await page.Locator("#initial-password").InnerTextAsync();
        await CheckAsync(page, "user created", blocking);

        await page.GetByRole(AriaRole.Link, new() { Name = "Beratungsprofil für dieses Konto anlegen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Neues Beratungsprofil");
        await Expect(page.GetByLabel("Konto", new() { Exact = true })).ToHaveValueAsync(new Regex("^[0-9a-f-]{36}$"));
        await CheckAsync(page, "new counsellor", blocking);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Beraterin B. Browser");
        await page.Locator("#counsellor-language-tr").CheckAsync();
        await page.Locator("#counsellor-language-de").CheckAsync();
        await page.Locator("#counsellor-topic-family").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Profil speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Das Profil ist gespeichert.");
        await Expect(page.Locator("#counsellor-account")).ToContainTextAsync("beraterin.browser");
        await CheckAsync(page, "counsellor profile", blocking);

        await page.GotoAsync("/staff/admin/counsellors");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Beraterin B. Browser" })).ToContainTextAsync("beraterin.browser");
        await CheckAsync(page, "counsellors", blocking);
        await page.GotoAsync("/staff/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "beraterin.browser" }).ClickAsync();
        await Expect(page.Locator("#state-password")).ToHaveTextAsync("bei der nächsten Anmeldung fällig");
        await CheckAsync(page, "user", blocking);
        await page.GotoAsync("/staff/admin/centre");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zentrum");
        await CheckAsync(page, "centre", blocking);

        var counsellor = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        await StaffSession.FillPasswordAsync(counsellor, new StaffAccount(Guid.Empty, "beraterin.browser", initialPassword));
        await Expect(counsellor).ToHaveURLAsync(new Regex("/staff/password"));
        await counsellor.GetByLabel("Bisheriges Passwort").FillAsync(initialPassword);
        await counsellor.GetByLabel("Neues Passwort").FillAsync("Eigenes-Erfundenes-Beraterinnenwort-8");
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Expect(counsellor).ToHaveURLAsync(new Regex("/staff/enrol"));
        var secret = Totp.FromShown(await counsellor.Locator("#secret").InnerTextAsync());
        await counsellor.GetByLabel("Code aus der App").FillAsync(fixture.App.NextCode(secret));
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Einrichten" }).ClickAsync();
        await counsellor.GetByRole(AriaRole.Link, new() { Name = "Weiter" }).ClickAsync();
        await Expect(counsellor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mein Tag");
        await counsellor.GotoAsync("/staff/hours");
        await Expect(counsellor.Locator("form.hours-form")).ToBeVisibleAsync();

        Assert.True(blocking.Length == 0, $"axe found serious or critical violations:\n{blocking}");
    }

    /// <summary>axe without serious or critical findings, and no sideways scrolling, at 1280 and at 768 px.</summary>
    private async Task CheckAsync(IPage page, string name, StringBuilder blocking)
    {
        foreach (var width in new[] { 1280, 768 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            foreach (var violation in result.Violations)
            {
                var text = $"{name} at {width} px: {violation.Id} ({violation.Impact}) {violation.Help}: "
                    + string.Join("; ", violation.Nodes.Select(n => n.Html));
                output.WriteLine(text);
                if (Blocking.Contains(violation.Impact))
                {
                    blocking.AppendLine(text);
                }
            }

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{name} scrolls sideways at {width} px ({widths[0]} > {widths[1]})");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
