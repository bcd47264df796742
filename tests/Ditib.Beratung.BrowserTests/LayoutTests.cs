using System.Text;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>Right to left in Arabic, left to right elsewhere, and no sideways scrolling on a 360 px wide phone.</summary>
public sealed class LayoutTests(ResidentFixture fixture) : IClassFixture<ResidentFixture>
{
    private const string Measure = """
        () => {
          const root = document.documentElement;
          const main = document.querySelector('main');
          const wide = [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1); })
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, dir: root.dir, lang: root.lang,
                   direction: main ? getComputedStyle(main).direction : 'no main', wide: wide.join(', ') };
        }
        """;

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("tr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task EveryPage_FitsA360PxPhone_InItsReadingDirection(string language)
    {
        var expected = language == "ar" ? "rtl" : "ltr";
        var problems = new StringBuilder();
        var pages = 0;

        await EveryPage.WalkAsync(fixture, language, () => BrowserFixture.Phone(EveryPage.Locales[language], width: 360, height: 740), async (page, name) =>
        {
            pages++;
            var m = await page.EvaluateAsync<Layout>(Measure);
            if (m.ScrollWidth > m.ClientWidth)
            {
                problems.AppendLine($"{name}: scrolls sideways ({m.ScrollWidth} > {m.ClientWidth} px); too wide: {m.Wide}");
            }

            if (m.Dir != expected || m.Direction != expected || m.Lang != language)
            {
                problems.AppendLine($"{name}: html lang=\"{m.Lang}\" dir=\"{m.Dir}\", main's computed direction {m.Direction}; expected {language}, {expected}");
            }
        });

        Assert.Equal(12, pages);
        Assert.True(problems.Length == 0, $"[{language}] at 360 px:\n{problems}");
    }

    [SkippableFact]
    public async Task Arabic_ReadsFromTheRight()
    {
        var page = await fixture.NewPageAsync(BrowserFixture.Phone("ar", width: 360, height: 740));

        await page.GotoAsync("/");

        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", "ar");
        await Expect(html).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("ar", "Start_Title"));
        Assert.Equal("rtl", await page.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        // The heading's text hugs the right edge of the main column and leaves room on the left.
        var edges = await page.Locator("main h1").EvaluateAsync<double[]>("""
            h => { const r = document.createRange(); r.selectNodeContents(h); const t = r.getBoundingClientRect();
                   const m = h.closest('main'); const s = getComputedStyle(m); const b = m.getBoundingClientRect();
                   return [t.left, t.right, b.left + parseFloat(s.paddingLeft), b.right - parseFloat(s.paddingRight)]; }
            """);
        var (textLeft, textRight, mainLeft, mainRight) = (edges[0], edges[1], edges[2], edges[3]);
        Assert.True(Math.Abs(mainRight - textRight) < 2, $"heading text ends at {textRight}, the column at {mainRight}");
        Assert.True(textLeft >= mainLeft, $"heading text starts at {textLeft}, left of the column at {mainLeft}");

        // Lists run from right to left too: the first language of the switch (Deutsch) stands right of the last (English).
        var languages = page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Get("ar", "Layout_Languages") });
        var first = await languages.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).BoundingBoxAsync();
        var last = await languages.GetByRole(AriaRole.Link, new() { Name = "English" }).BoundingBoxAsync();
        Assert.True(first!.X > last!.X, $"Deutsch at x={first.X}, English at x={last.X}");
        await Screenshots.TakeAsync(page, "start-ar-360x740.png", forReadme: false);
    }

    private sealed class Layout
    {
        public int ScrollWidth { get; set; }

        public int ClientWidth { get; set; }

        public string Dir { get; set; } = "";

        public string Lang { get; set; } = "";

        public string Direction { get; set; } = "";

        public string Wide { get; set; } = "";
    }
}
