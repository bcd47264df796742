using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.IntegrationTests.Support;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// What the resident texts say is true in every language (issue 21): topic and concern are different words, Turkish
/// puts no suffix after a placeholder, pages and e-mails write an appointment alike, the centre's phone is given
/// wherever residents are asked to call, and the deletion period comes from the retention settings.
/// </summary>
public sealed partial class ResidentTextsTests
{
    /// <summary>The word for the topic (Thema) and the one for the concern (Anliegen), per language.</summary>
    public static TheoryData<string, string, string> Words => new()
    {
        { "de", @"\bThema", "Anliegen" },
        { "tr", @"\bkonu(?!ş)", "açıklama" },
        { "ar", "موضوع", "سبب الاستشارة" },
        { "en", @"\btopic", "concern" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void TopicAndConcern_AreDifferentWords_SoThePrivacyNoticeSaysWhatIsTrue(string culture, string topic, string concern)
    {
        var topicWord = new Regex(topic, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Assert.Matches(topicWord, PageTexts.Get("Details_Topic", culture));
        Assert.DoesNotContain(concern, PageTexts.Get("Details_Topic", culture), StringComparison.OrdinalIgnoreCase);

        // What is said about the concern (encrypted, seen by the counsellor only, deleted) never names the topic.
        foreach (var key in new[] { "Book_ConcernLabel", "Error_Concern", "Privacy_Protection", "Privacy_HowLong", "Book_PrivacySummary" })
        {
            var text = PageTexts.Get(key, culture);
            Assert.DoesNotMatch(topicWord, text);
            Assert.Contains(concern, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotEqual(PageTexts.Get("Start_TopicLegend", culture), PageTexts.Get("Book_ConcernLabel", culture));
    }

    [Fact]
    public void TurkishTexts_PutNoSuffixRightAfterAPlaceholder()
    {
        var pages = PageTexts.Set(System.Globalization.CultureInfo.GetCultureInfo("tr")).Cast<System.Collections.DictionaryEntry>()
            .Select(e => ($"Texts.tr.resx {e.Key}", (string)e.Value!));
        var messages = MessageTexts.For("tr").Keys.Select(k => ($"tr.json {k}", MessageTexts.For("tr")[k]));

        var suffixed = pages.Concat(messages).Where(t => SuffixAfterPlaceholder().IsMatch(t.Item2)).Select(t => t.Item1).ToList();

        Assert.Empty(suffixed);
        Assert.Matches(SuffixAfterPlaceholder(), "saat {1}'e kadar");
        Assert.Matches(SuffixAfterPlaceholder(), "{date}'de");
        Assert.Matches(SuffixAfterPlaceholder(), "{0}da");
    }

    [Theory]
    [InlineData("de", false)]
    [InlineData("tr", false)]
    [InlineData("ar", true)]
    [InlineData("en", true)]
    public async Task PagesAndEmails_WriteTheSameAppointmentTheSameWay(string language, bool interpreter)
    {
        using var smtp = new TestSmtpServer();
        using var api = new ApiFactory();
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff));
        var address = $"termin-{language}@example.org";
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, "2026-12-03T09:45")), email: address, language: language, interpreterNeeded: interpreter));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var booked = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        await DispatchAsync(api);
        var raw = Text(Assert.Single(smtp.To(address)));
        var mail = PageTexts.WithoutIsolates(raw);
        var page = await new PageBrowser(api).OpenAsync(
            $"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}&culture={language}");

        var date = Detail(page, "Details_Date", language);
        var time = Detail(page, "Details_Time", language);
        Assert.Contains(date, mail, StringComparison.Ordinal);
        Assert.Contains(time, mail, StringComparison.Ordinal);
        Assert.Matches(@"^\d\d:\d\d – \d\d:\d\d$", time);
        Assert.DoesNotMatch("AM|PM|ص|م$", time);
        // The e-mail's signature: the centre's address, phone and opening hours.
        Assert.Contains("Teststraße 7, 47169 Duisburg", mail, StringComparison.Ordinal);
        Assert.Contains(TestCentre.Phone, mail, StringComparison.Ordinal);
        Assert.Contains("09:00–17:00", mail, StringComparison.Ordinal);
        // Right to left, the phone and the reference keep their order only when isolated (LRI … PDI).
        Assert.Equal(language == "ar", raw.Contains($"\u2066{TestCentre.Phone}\u2069", StringComparison.Ordinal));
        Assert.Equal(language == "ar", raw.Contains($"\u2066{booked["reference"]}\u2069", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("tr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task CentresPhone_IsInTheFooter_AndInEveryCallUsMessage(string culture)
    {
        using var api = new ApiFactory();
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff));
        var booked = await Scenario.BookAsync(api.CreateClient(), Id(slots[0]));
        var browser = new PageBrowser(api);

        var start = await browser.GetAsync($"/?culture={culture}");
        var footer = start.Document.QuerySelector("footer")!;
        Assert.Contains(TestCentre.Phone, footer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(footer.QuerySelector("a[href='tel:02035550199']"));
        Assert.Contains("Teststraße 7", footer.TextContent, StringComparison.Ordinal);

        var noSlots = await browser.GetAsync($"/appointments?topic=volunteering&language=tr&culture={culture}");
        var notValid = await browser.GetAsync($"/manage/ZZZZ-ZZZZ?culture={culture}");
        var manage = await browser.OpenAsync($"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}");
        foreach (var (page, key) in new[] { (noSlots, "List_None"), (notValid, "Notice_LinkNotValid_Text"), (manage, "Manage_Cutoff") })
        {
            var main = page.Document.QuerySelector("main")!.TextContent;
            var phone = culture == "ar" ? $"\u2066{TestCentre.Phone}\u2069" : TestCentre.Phone;
            Assert.True(main.Contains(phone, StringComparison.Ordinal), $"{key} ({culture}) does not give the centre's phone (isolated on Arabic pages)");
        }

        api.Clock.Reset(NodaTime.Instant.FromUtc(2026, 12, 1, 7, 30)); // inside the cut-off of Tuesday 09:00
        var late = await browser.SubmitAsync(manage, manage.Form("form[action*='handler=Cancel']"), new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.Status);
        Assert.Contains(TestCentre.Phone, late.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "45", "45 Tage nach dem Termin")]
    [InlineData("en", "1", "1 day after the appointment")]
    [InlineData("tr", "45", "Randevudan 45 gün sonra")]
    [InlineData("ar", "7", "بعد 7 أيام من الموعد")]
    [InlineData("ar", "30", "بعد 30 يومًا من الموعد")]
    public async Task PrivacyNoticeAndForm_TakeTheDeletionPeriodFromTheRetentionSettings(string culture, string days, string expected)
    {
        using var api = new ApiFactory();
        api.Settings["Beratung:Retention:BookingContactDays"] = days;
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff));
        var browser = new PageBrowser(api);

        var notice = await browser.GetAsync($"/privacy?culture={culture}");
        var form = await browser.GetAsync($"/book/{Id(slots[0])}?topic=family&language=tr&culture={culture}");

        Assert.Contains(expected, notice.Document.GetElementById("retention")!.TextContent, StringComparison.Ordinal);
        var summary = form.Document.QuerySelector(".privacy-summary")!.TextContent;
        Assert.Contains(days, summary, StringComparison.Ordinal);
        Assert.Contains(PageTexts.Get("Book_PrivacySummary", culture, Days(culture, int.Parse(days, System.Globalization.CultureInfo.InvariantCulture))),
            summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyNotice_NamesTheControllersAndTheDataProtectionOfficersContact()
    {
        using var api = new ApiFactory();
        var notice = await new PageBrowser(api).GetAsync("/privacy?culture=tr");

        var main = notice.Document.QuerySelector("main")!;
        Assert.Contains("Erfundene Begegnungsstätte Teststadt", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Teststraße 7", main.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector("a[href='mailto:test-zentrum@example.invalid']"));
        Assert.Contains("Erfundene Datenschutzbeauftragte", main.QuerySelector("#dpo")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector("#dpo a[href='mailto:test-datenschutz@example.invalid']"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("testperson@example.invalid", false)]
    public async Task Confirmation_WithoutEmail_SaysToKeepTheNumberAndCallTheCentre(string? email, bool told)
    {
        using var api = new ApiFactory();
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff));
        var browser = new PageBrowser(api);
        var form = await browser.GetAsync($"/book/{Id(slots[0])}?topic=family&language=tr&culture=de");
        var entries = new Dictionary<string, string> { ["Form.Name"] = "Erfundene Testperson", ["Form.ConsentAccepted"] = "true" };
        if (email is not null)
        {
            entries["Form.Email"] = email;
        }

        var confirmation = await browser.FollowAsync(await browser.SubmitAsync(form, form.Form(), entries));

        var reference = confirmation.Document.QuerySelector(".reference")!.TextContent.Trim();
        var note = confirmation.Document.GetElementById("no-email");
        Assert.Equal(told, note is not null);
        if (told)
        {
            Assert.Equal(PageTexts.Get("Confirm_NoEmail", "de", reference, TestCentre.Phone), note!.TextContent);
        }
    }

    [Theory]
    [InlineData(1, "One")]
    [InlineData(2, "Two")]
    [InlineData(3, "Few")]
    [InlineData(10, "Few")]
    [InlineData(11, "Many")]
    [InlineData(99, "Many")]
    [InlineData(100, "Other")]
    [InlineData(102, "Other")]
    [InlineData(103, "Few")]
    [InlineData(111, "Many")]
    public void ArabicDays_TakeThePluralFormOfTheirNumber(int days, string category)
    {
        Assert.Equal(category, Ditib.Beratung.Web.Support.Display.PluralCategory(days, "ar"));
        Assert.Equal(days == 1 ? "One" : "Other", Ditib.Beratung.Web.Support.Display.PluralCategory(days, "de"));
    }

    [Fact]
    public async Task TopicNames_SayWhatTheResidentExperienced_AfterTheReview()
    {
        using var api = new ApiFactory();
        var topics = await api.CreateClient().GetFromJsonAsync<JsonArray>("/api/v1/topics");

        var discrimination = topics!.Single(t => t!["code"]!.GetValue<string>() == "anti-discrimination")!["names"]!;
        Assert.Equal("التمييز", discrimination["ar"]!.GetValue<string>());
        Assert.Equal("Discrimination", discrimination["en"]!.GetValue<string>());
    }

    private static string Days(string culture, int days) =>
        PageTexts.Get($"Days_{Ditib.Beratung.Web.Support.Display.PluralCategory(days, culture)}", culture, days);

    private static string Detail(Page page, string termKey, string culture)
    {
        var term = page.Document.QuerySelectorAll("dl.details dt").Single(dt => dt.TextContent.Trim() == PageTexts.Get(termKey, culture));
        return PageTexts.WithoutIsolates(term.NextElementSibling!.TextContent.Trim());
    }

    /// <summary>A placeholder followed at once by an apostrophe or a letter, e.g. <c>{1}'e</c> or <c>{date}de</c>.</summary>
    [GeneratedRegex(@"\{\w+\}['’\p{L}]")]
    private static partial Regex SuffixAfterPlaceholder();
}
