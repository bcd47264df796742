using System.Text.RegularExpressions;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>Two residents in two browsers send the form for the same last place at the same moment.</summary>
public sealed class RaceTests(ResidentFixture fixture) : IClassFixture<ResidentFixture>
{
    [SkippableFact]
    public async Task TwoBrowsers_RaceForTheLastPlace_OneConfirmationAndOnePageWithAlternatives()
    {
        var residents = new List<Resident>();
        foreach (var phone in new[] { false, true })
        {
            var page = await fixture.NewPageAsync(phone ? BrowserFixture.Phone("de-DE") : new BrowserNewContextOptions { Locale = "de-DE" });
            var resident = new Resident(page, "de", fixture.TopicNames) { IsTouch = phone };
            await resident.OpenStartAsync();
            await resident.ChooseTopicAndLanguageAsync();
            await resident.OpenFirstFreeSlotAsync();
            await resident.FillFormAsync();
            residents.Add(resident);
        }

        var slotId = Regex.Match(residents[0].Page.Url, "/book/([0-9a-f-]{36})").Groups[1].Value;
        Assert.Equal(residents[0].Page.Url, residents[1].Page.Url);
        Assert.Equal(1, fixture.App.Count("SELECT capacity FROM slot WHERE id = $id", ("$id", slotId)));

        await Task.WhenAll(residents.Select(r => r.SubmitBookingAsync()));

        var confirmed = UiText.Get("de", "Confirm_Title");
        var taken = UiText.Get("de", "Taken_Title");
        var either = new Regex($"^({Regex.Escape(confirmed)}|{Regex.Escape(taken)})$");
        await Task.WhenAll(residents.Select(r => Expect(r.Heading).ToHaveTextAsync(either)));
        var headings = await Task.WhenAll(residents.Select(r => r.Heading.TextContentAsync()));
        Assert.Equal(1, headings.Count(h => h == confirmed));
        Assert.Equal(1, headings.Count(h => h == taken));
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE slot_id = $id AND status = 'confirmed'", ("$id", slotId)));

        // The one who lost reads it plainly and gets the next free appointments for the same topic and language...
        var loser = residents[Array.IndexOf(headings, taken)];
        await Expect(loser.Page.GetByText(UiText.Get("de", "Taken_Text"))).ToBeVisibleAsync();
        await Expect(loser.Page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("de", "Taken_Alternatives") })).ToBeVisibleAsync();
        var alternatives = loser.Page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("de", "List_Book") });
        Assert.InRange(await alternatives.CountAsync(), 1, 5);
        foreach (var href in await Task.WhenAll((await alternatives.AllAsync()).Select(a => a.GetAttributeAsync("href"))))
        {
            Assert.DoesNotContain(slotId, href, StringComparison.Ordinal);
            Assert.Contains("topic=family", href, StringComparison.Ordinal);
            Assert.Contains("language=de", href, StringComparison.Ordinal);
        }

        // ...and one of them can be booked straight away.
        await loser.Press(alternatives.First);
        await Expect(loser.Heading).ToHaveTextAsync(UiText.Get("de", "Book_Title"));
        await loser.BookAsync();
    }
}
