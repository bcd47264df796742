using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// A resident going through the pages in one language, finding everything by its visible label or role (as a screen
/// reader would), and tapping instead of clicking on a touch screen. Each step waits for the page it leads to.
/// </summary>
public sealed partial class Resident(IPage page, string language, IReadOnlyDictionary<string, string> topicNames)
{
    public const string Name = "Testperson Deniz Örnek";

    public IPage Page => page;

    public string T(string key, params object[] arguments) => UiText.Get(language, key, arguments);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Set by the test for a touch context (Playwright cannot read it back from the page).</summary>
    public bool IsTouch { get; init; }

    public Task Press(ILocator target) => IsTouch ? target.TapAsync() : target.ClickAsync();

    public async Task OpenStartAsync()
    {
        await page.GotoAsync($"/?culture={language}");
        await Expect(Heading).ToHaveTextAsync(T("Start_Title"));
    }

    /// <summary>Step 1 → 2: the topic "family" and the page's own language, then the free appointments.</summary>
    public async Task ChooseTopicAndLanguageAsync()
    {
        await page.GetByLabel(topicNames[language], new() { Exact = true }).CheckAsync();
        await page.GetByLabel(T("Start_LanguageLabel")).SelectOptionAsync(new SelectOptionValue { Value = language });
        await Press(page.GetByRole(AriaRole.Button, new() { Name = T("Start_Submit") }));
        await Expect(Heading).ToHaveTextAsync(T("List_Title"));
    }

    /// <summary>Step 2 → 3: the first free appointment's "book" link, then the form.</summary>
    public async Task OpenFirstFreeSlotAsync()
    {
        await Press(page.GetByRole(AriaRole.Link, new() { Name = T("List_Book") }).First);
        await Expect(Heading).ToHaveTextAsync(T("Book_Title"));
    }

    public async Task FillFormAsync(bool consent = true)
    {
        await page.GetByLabel(T("Book_NameLabel"), new() { Exact = true }).FillAsync(Name);
        await page.GetByLabel(T("Book_ConcernLabel"), new() { Exact = true }).FillAsync("Erfundenes Anliegen: Frage zur Kita-Anmeldung");
        // On right-to-left pages the version is isolated left to right (LRI … PDI), so that it reads "2026-11".
        var version = language == "ar" ? "\u20662026-11\u2069" : "2026-11";
        var box = page.GetByRole(AriaRole.Checkbox, new() { Name = T("Book_ConsentLabel", version) });
        if (consent)
        {
            await box.CheckAsync();
        }
        else
        {
            await box.UncheckAsync();
        }
    }

    public Task SubmitBookingAsync() => Press(page.GetByRole(AriaRole.Button, new() { Name = T("Book_Submit") }));

    /// <summary>Sends the form without consent and waits for the error summary.</summary>
    public async Task SubmitWithoutConsentAsync()
    {
        await FillFormAsync(consent: false);
        await SubmitBookingAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = T("Errors_Title") })).ToBeVisibleAsync();
    }

    /// <summary>Books (consent given) and waits for the confirmation; returns the booking reference and personal link.</summary>
    public async Task<(string Reference, string PersonalLink)> BookAsync()
    {
        await FillFormAsync();
        await SubmitBookingAsync();
        await Expect(Heading).ToHaveTextAsync(T("Confirm_Title"));
        var reference = (await page.Locator(".reference").TextContentAsync())!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        var link = (await page.Locator("#personal-link").TextContentAsync())!.Trim();
        Assert.Contains($"/manage/{reference}?token=", link, StringComparison.Ordinal);
        return (reference, link);
    }

    /// <summary>Description list value after a term, e.g. the date after "Tarih".</summary>
    public ILocator Detail(string termKey) =>
        page.Locator("dl.details dt").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(T(termKey))}$") }).Locator("xpath=following-sibling::dd[1]");

    [GeneratedRegex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$")]
    public static partial Regex ReferencePattern();
}
