using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>Plain forms and post-redirect-get: the whole way works with JavaScript switched off in the browser.</summary>
public sealed class NoJavaScriptTests(ResidentFixture fixture) : IClassFixture<ResidentFixture>
{
    [SkippableFact]
    public async Task Resident_BooksAndCancels_WithJavaScriptOff()
    {
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var resident = new Resident(page, "en", fixture.TopicNames);

        await resident.OpenStartAsync();
        await resident.ChooseTopicAndLanguageAsync();
        await resident.OpenFirstFreeSlotAsync();
        await resident.SubmitWithoutConsentAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(resident.T("Error_Consent"));
        var (reference, _) = await resident.BookAsync();
        await Expect(resident.Detail("Details_Status")).ToHaveTextAsync("Booked");
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE reference = $r AND status = 'confirmed'", ("$r", reference)));

        await page.GetByRole(AriaRole.Link, new() { Name = "See or change the appointment" }).ClickAsync();
        await Expect(resident.Heading).ToHaveTextAsync("Your appointment");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Yes, I want to cancel this appointment." }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your appointment is cancelled.");
        await Expect(resident.Detail("Details_Status")).ToHaveTextAsync("Cancelled by you");
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE reference = $r AND status = 'cancelled-by-resident'", ("$r", reference)));
    }
}
