using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// Walks a resident through every page of the flow in one language and runs a check on each: start, slot list,
/// form, form with errors, confirmation, manage, the move step (days, then times), the "slot taken" page, the privacy notice, the "link not valid"
/// page and the "link expired" page. Books one slot (the first free one) on the way.
/// </summary>
public static class EveryPage
{
    public static readonly IReadOnlyDictionary<string, string> Locales = new Dictionary<string, string>
    {
        ["de"] = "de-DE",
        ["tr"] = "tr-TR",
        ["ar"] = "ar",
        ["en"] = "en-GB",
    };

    /// <summary>Well after every published slot: the manage link has expired by then.</summary>
    private static readonly Instant AfterAllAppointments = Instant.FromUtc(2026, 12, 20, 8, 0);

    public static async Task WalkAsync(
        ResidentFixture fixture, string language, Func<BrowserNewContextOptions> context, Func<IPage, string, Task> check)
    {
        var page = await fixture.NewPageAsync(context());
        var resident = new Resident(page, language, fixture.TopicNames);

        await resident.OpenStartAsync();
        await check(page, "start");

        await resident.ChooseTopicAndLanguageAsync();
        await check(page, "slot list");

        await resident.OpenFirstFreeSlotAsync();
        var formUrl = page.Url;
        await check(page, "form");

        await resident.SubmitWithoutConsentAsync();
        await check(page, "form with errors");

        var (_, personalLink) = await resident.BookAsync();
        await check(page, "confirmation");

        await page.GetByRole(AriaRole.Link, new() { Name = resident.T("Confirm_Manage") }).ClickAsync();
        await Expect(resident.Heading).ToHaveTextAsync(resident.T("Manage_Title"));
        await check(page, "manage");

        await page.GetByRole(AriaRole.Link, new() { Name = resident.T("Manage_MoveTitle"), Exact = true }).ClickAsync();
        await Expect(resident.Heading).ToHaveTextAsync(resident.T("Manage_MoveTitle"));
        await check(page, "move: days");

        await page.Locator(".day-list a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = resident.T("Move_ChooseTime") })).ToBeVisibleAsync();
        await check(page, "move: times");

        await page.GotoAsync(formUrl);
        await Expect(resident.Heading).ToHaveTextAsync(resident.T("Taken_Title"));
        await check(page, "slot taken");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = resident.T("Layout_Privacy") }).ClickAsync();
        await Expect(resident.Heading).ToHaveTextAsync(resident.T("Privacy_Title"));
        await check(page, "privacy notice");

        await page.GotoAsync("/manage/ZZZZ-ZZZZ");
        await Expect(resident.Heading).ToHaveTextAsync(resident.T("Notice_LinkNotValid_Title"));
        await check(page, "link not valid");

        // The personal link once the appointment is over, opened in a fresh browser like from an old e-mail.
        fixture.App.Clock.Reset(AfterAllAppointments);
        try
        {
            var expired = await fixture.NewPageAsync(context());
            await expired.GotoAsync(personalLink);
            await Expect(expired.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(resident.T("Notice_LinkExpired_Title"));
            await check(expired, "link expired");
        }
        finally
        {
            fixture.App.Clock.Reset(BrowserApp.Start);
        }
    }
}
