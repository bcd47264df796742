using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>Every resident page in every language: its texts, language and direction, landmarks, labels and forms.</summary>
public sealed class ResidentPagesTests(ResidentPagesTests.World world) : IClassFixture<ResidentPagesTests.World>
{
    public static TheoryData<string, string> PagesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "start", "appointments", "book", "confirmation", "manage", "privacy" })
        {
            foreach (var culture in PageTexts.Cultures)
            {
                data.Add(page, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndCultures))]
    public async Task EveryPage_InEveryLanguage_HasItsTexts_LangAndDir_OneMainAndLabelledFields(string name, string culture)
    {
        var browser = await world.BrowserWithManageCookieAsync();
        var (url, headingKey) = name switch
        {
            "start" => ("/", "Start_Title"),
            "appointments" => ("/appointments?topic=family&language=tr", "List_Title"),
            "book" => ($"/book/{world.FreeSlotId}?topic=family&language=tr", "Book_Title"),
            "confirmation" => ($"/manage/{world.Reference}/confirmation", "Confirm_Title"),
            "manage" => ($"/manage/{world.Reference}", "Manage_Title"),
            _ => ("/privacy", "Privacy_Title"),
        };

        var page = await browser.GetAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(culture, page.Language);
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", page.Direction);
        Assert.Equal(PageTexts.Get(headingKey, culture), page.Heading);
        Assert.Contains(culture, page.Response.Content.Headers.ContentLanguage);
        Assert.Single(page.Document.QuerySelectorAll("main"));
        Assert.Equal("#main", page.Document.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.Equal(PageTexts.Get("Layout_SkipToContent", culture), page.Document.QuerySelector("a.skip-link")!.TextContent.Trim());
        AssertHeadingsInOrder(page.Document);
        AssertEveryFieldLabelled(page.Document);
        AssertEveryPostFormHasAnAntiforgeryToken(page.Document);
        AssertLanguageSwitchOffersEveryLanguageWithoutAToken(page.Document);
        Assert.NotNull(page.Document.QuerySelector("link[rel=stylesheet][href^='/_content/Ditib.Beratung.Web/site.css']"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=icon][href='/_content/Ditib.Beratung.Web/favicon.ico']"));
    }

    [Fact]
    public async Task Favicon_IsServedWithoutSignIn()
    {
        var response = await world.Api.CreateClient().GetAsync("/_content/Ditib.Beratung.Web/favicon.ico");

        await Scenario.EnsureAsync(response, System.Net.HttpStatusCode.OK);
        Assert.Equal([0, 0, 1, 0], (await response.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task PrivacyPage_ShowsTheConfiguredVersion_InEveryLanguage()
    {
        foreach (var culture in PageTexts.Cultures)
        {
            var page = await new PageBrowser(world.Api).GetAsync($"/privacy?culture={culture}");

            Assert.Contains(PageTexts.Get("Privacy_Version", culture, "2026-11"), PageTexts.WithoutIsolates(page.Document.QuerySelector(".version")!.TextContent));
            Assert.Contains(PageTexts.Get("Privacy_HowLong", culture, PageTexts.Get(culture == "ar" ? "Days_Many" : "Days_Other", culture, 30)), page.Text);
        }
    }

    [Fact]
    public async Task BookPage_ShowsTheSlotInTheCentresZone_FormattedForTheLanguage()
    {
        var page = await new PageBrowser(world.Api).GetAsync($"/book/{world.FreeSlotId}?topic=family&language=tr&culture=tr");

        // 2 December 2026, 09:00 in Berlin: Turkish long date and 24-hour time.
        Assert.Contains("2 Aralık 2026 Çarşamba", page.Text);
        Assert.Contains("09:00 – 09:45", page.Text);
    }

    [Fact]
    public async Task AppointmentsPage_ListsTheFreeSlotsByDay_WithLinksToTheForm()
    {
        var page = await new PageBrowser(world.Api).GetAsync("/appointments?topic=family&language=tr&culture=en");

        var days = page.Document.QuerySelectorAll("section.day h3 time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(days.Order().ToList(), days);
        Assert.Contains("2026-12-02", days);
        Assert.Contains("Wednesday, 2 December 2026", page.Text);
        var links = page.Document.QuerySelectorAll("a[href^='/book/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/book/{world.FreeSlotId}?topic=family&language=tr", links);
        Assert.DoesNotContain(links, l => l.Contains(world.BookedSlotId.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tr-TR,tr;q=0.9,de;q=0.5", "tr")]
    [InlineData("ar-SY", "ar")]
    [InlineData("en-GB,en;q=0.8", "en")]
    [InlineData("fr-FR", "de")]
    public async Task AcceptLanguage_ChoosesThePageLanguage(string acceptLanguage, string expected)
    {
        var page = await new PageBrowser(world.Api, acceptLanguage).GetAsync("/");

        Assert.Equal(expected, page.Language);
        Assert.Equal(PageTexts.Get("Start_Title", expected), page.Heading);
    }

    [Fact]
    public async Task ChosenLanguage_IsRememberedByCookie_OverAcceptLanguage()
    {
        var browser = new PageBrowser(world.Api, "de-DE");

        var chosen = await browser.GetAsync("/?culture=ar");
        var later = await browser.GetAsync("/privacy");

        Assert.Contains(chosen.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dar%7Cuic%3Dar", StringComparison.Ordinal));
        Assert.Equal("ar", later.Language);
        Assert.Equal("rtl", later.Direction);
    }

    [Fact]
    public async Task LanguageSwitch_KeepsTheQuery_AndTheApiKeepsItsEnglishAnswers()
    {
        var page = await new PageBrowser(world.Api).GetAsync("/appointments?topic=family&language=tr&mode=in-person");
        var turkish = page.Document.QuerySelector("nav.languages a[hreflang=tr]")!.GetAttribute("href");

        Assert.Equal("/appointments?topic=family&language=tr&mode=in-person&culture=tr", turkish);

        var api = new PageBrowser(world.Api, "tr-TR").Client;
        var problem = await Scenario.ProblemAsync(await api.GetAsync("/api/v1/slots?from=2026-12-10&to=2026-12-01&culture=tr"));
        Assert.Equal("'to' must not be before 'from'.", problem["errors"]!["to"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Stylesheet_IsServedFromTheApp_AndThePageContentPolicyAllowsOnlyIt()
    {
        var browser = new PageBrowser(world.Api);
        var page = await browser.GetAsync("/");
        var href = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var css = await browser.Client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", await css.Content.ReadAsStringAsync());
        var policy = page.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Empty(page.Document.QuerySelectorAll("script, [style]"));
    }

    [Fact]
    public void BookingAndManagePages_CarryTheApisRateLimitPolicies()
    {
        var policies = world.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith('/') == false) // the pages' templates; the API's start with '/'
            .ToDictionary(e => e.RoutePattern.RawText ?? "", e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);

        Assert.Equal("booking", policies["book/{slotId:guid}"]);
        Assert.Equal("manage-link", policies["manage/{reference}"]);
        Assert.Equal("manage-link", policies["manage/{reference}/confirmation"]);
        Assert.Equal("manage-link", policies["manage/{reference}/calendar"]);
        Assert.Null(policies["appointments"]);
    }

    [Fact]
    public async Task StartPage_WithoutATopic_ShowsAnErrorSummaryLinkingToTheField()
    {
        var page = await new PageBrowser(world.Api).GetAsync("/?language=tr&culture=tr");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var (href, text) = Assert.Single(page.ErrorLinks);
        Assert.Equal("#topic", href);
        Assert.Equal(PageTexts.Get("Error_Topic", "tr"), text);
        Assert.NotNull(page.Document.GetElementById("topic"));
    }

    private static void AssertHeadingsInOrder(IDocument document)
    {
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"h{levels[i - 1]} is followed by h{levels[i]}");
        }
    }

    private static void AssertEveryFieldLabelled(IDocument document)
    {
        var fields = document.QuerySelectorAll("input:not([type=hidden]):not([type=submit]), select, textarea");
        foreach (var field in fields)
        {
            Assert.False(string.IsNullOrEmpty(field.Id), $"a {field.LocalName} without id");
            Assert.True(document.QuerySelector($"label[for='{field.Id}']") is not null, $"no label for #{field.Id}");
        }
    }

    private static void AssertEveryPostFormHasAnAntiforgeryToken(IDocument document)
    {
        foreach (var form in document.QuerySelectorAll("form"))
        {
            var token = form.QuerySelector("input[type=hidden][name=__form]");
            if (string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                Assert.False(string.IsNullOrEmpty(token?.GetAttribute("value")), "a POST form without antiforgery token");
            }
            else
            {
                Assert.Null(token); // GET forms put their fields in the address: no token there.
            }
        }
    }

    private static void AssertLanguageSwitchOffersEveryLanguageWithoutAToken(IDocument document)
    {
        var links = document.QuerySelectorAll("nav.languages a").ToList();
        Assert.Equal(PageTexts.Cultures, links.Select(a => a.GetAttribute("lang")));
        Assert.All(links, a => Assert.DoesNotContain("token", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One app with a counsellor's published slots and one booking (made through the API) for the manage pages.</summary>
    public sealed class World : IDisposable
    {
        public World()
        {
            var admin = Api.CreateClientAs(Roles.Admin, Roles.Staff);
            var (_, slots) = Scenario.CounsellorWithSlotsAsync(admin).GetAwaiter().GetResult();
            FreeSlotId = slots[4]["id"]!.GetValue<Guid>();
            BookedSlotId = slots[5]["id"]!.GetValue<Guid>();
            var booked = Scenario.BookAsync(Api.CreateClient(), BookedSlotId).GetAwaiter().GetResult();
            Reference = booked["reference"]!.GetValue<string>();
            Token = booked["manageToken"]!.GetValue<string>();
        }

        public ApiFactory Api { get; } = new();

        /// <summary>Slot 5 of the published list: Wednesday 2 December 2026, 09:00–09:45 (the first four are on the 1st).</summary>
        public Guid FreeSlotId { get; }

        public Guid BookedSlotId { get; }

        public string Reference { get; }

        public string Token { get; }

        /// <summary>A browser that has opened the personal link, so it holds the manage cookie.</summary>
        public async Task<PageBrowser> BrowserWithManageCookieAsync()
        {
            var browser = new PageBrowser(Api);
            var opened = await browser.GetAsync($"{ManageLink.PagePath(Reference)}?token={Uri.EscapeDataString(Token)}");
            Assert.Equal(HttpStatusCode.SeeOther, opened.Status);
            return browser;
        }

        public void Dispose() => Api.Dispose();
    }
}
