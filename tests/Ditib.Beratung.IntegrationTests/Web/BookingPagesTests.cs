using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The way through the resident pages over HTTP, and the problem cases as friendly pages.</summary>
public sealed class BookingPagesTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly List<Guid> slots;

    public BookingPagesTests()
    {
        var (_, published) = Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff)).GetAwaiter().GetResult();
        slots = published.Select(s => s["id"]!.GetValue<Guid>()).ToList();
    }

    public void Dispose() => api.Dispose();

    private static Dictionary<string, string> Entries(string name = "Erfundene Testperson", string phone = "0203 5550100", bool consent = true)
    {
        var entries = new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Phone"] = phone,
            ["Form.Email"] = "testperson@example.invalid",
            ["Form.Concern"] = "Erfundene Frage zur Kita-Anmeldung",
        };
        if (consent)
        {
            entries["Form.ConsentAccepted"] = "true";
        }

        return entries;
    }

    private async Task<(PageBrowser Browser, Page Form)> OpenFormAsync(Guid slotId, string culture = "tr")
    {
        var browser = new PageBrowser(api);
        var page = await browser.GetAsync($"/book/{slotId}?topic=family&language=tr&culture={culture}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (browser, page);
    }

    [Fact]
    public async Task Resident_ChoosesListsBooksConfirmsManagesMovesAndCancels_InTurkish()
    {
        var browser = new PageBrowser(api, "tr-TR,tr;q=0.9");

        // 1. Topic and language
        var start = await browser.GetAsync("/");
        Assert.Equal(PageTexts.Get("Start_Title", "tr"), start.Heading);
        var chosen = await browser.SubmitAsync(start, start.Form("form[method=get]:not(.filters)"), new Dictionary<string, string> { ["topic"] = "family", ["language"] = "tr" });
        Assert.Equal("/appointments?topic=family&language=tr", chosen.Location);

        // 2. Free appointments by day
        var list = await browser.FollowAsync(chosen);
        Assert.Equal(PageTexts.Get("List_Title", "tr"), list.Heading);
        var bookLink = list.Document.QuerySelector("a[href^='/book/']")!.GetAttribute("href")!;

        // 3. The form, sent with the page's antiforgery token and cookies
        var form = await browser.GetAsync(bookLink);
        Assert.Equal(PageTexts.Get("Book_Title", "tr"), form.Heading);
        var booked = await browser.SubmitAsync(form, form.Form(), Entries());
        Assert.Equal(HttpStatusCode.SeeOther, booked.Status);
        var reference = booked.Location!.Split('/')[2];
        Assert.Equal($"/manage/{reference}/confirmation", booked.Location);
        var cookie = booked.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ManageLink.CookieName, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains($"path=/manage/{reference.ToLowerInvariant()}", cookie);

        // 4. Confirmation: reference, date and place, calendar, personal link
        var confirmation = await browser.FollowAsync(booked);
        Assert.Equal(PageTexts.Get("Confirm_Title", "tr"), confirmation.Heading);
        Assert.Equal(reference, confirmation.Document.QuerySelector(".reference")!.TextContent.Trim());
        Assert.Contains("1 Aralık 2026 Salı", confirmation.Text);
        Assert.Contains("Raum 2", confirmation.Text);
        Assert.Contains(PageTexts.Get("Personal_Warning", "tr"), confirmation.Text);
        var personalLink = confirmation.Document.GetElementById("personal-link")!.TextContent.Trim();
        Assert.StartsWith($"https://localhost/manage/{reference}?token=", personalLink);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND privacy_notice_version = '2026-11'"));

        var calendar = await browser.Client.GetAsync(confirmation.Document.QuerySelector("a[href$='/calendar']")!.GetAttribute("href"));
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", await calendar.Content.ReadAsStringAsync());

        // 5. The personal link in another browser: the token leaves the address at once
        var phone = new PageBrowser(api, "tr");
        var opened = await phone.GetAsync(new Uri(personalLink).PathAndQuery);
        Assert.Equal(HttpStatusCode.SeeOther, opened.Status);
        Assert.Equal($"/manage/{reference}", opened.Location);
        var manage = await phone.FollowAsync(opened);
        Assert.Equal(PageTexts.Get("Manage_Title", "tr"), manage.Heading);
        Assert.Contains(PageTexts.Get("Status_confirmed", "tr"), manage.Text);

        // 6. Move to another free slot: the move step lists days, a day lists its times
        var days = await phone.GetAsync(manage.Document.QuerySelector($"a[href='/manage/{reference}/move']")!.GetAttribute("href")!);
        Assert.Equal(PageTexts.Get("Manage_MoveTitle", "tr"), days.Heading);
        var day = await phone.GetAsync(days.Document.QuerySelector(".day-list a")!.GetAttribute("href")!);
        var target = day.Document.QuerySelector("input[name=slotId]")!.GetAttribute("value")!;
        var moved = await phone.SubmitAsync(day, day.Form(), new Dictionary<string, string> { ["slotId"] = target });
        Assert.Equal($"/manage/{reference}?done=moved", moved.Location);
        var afterMove = await phone.FollowAsync(moved);
        Assert.Contains(PageTexts.Get("Manage_Moved", "tr"), afterMove.Document.QuerySelector("[role=status]")!.TextContent);
        var token = Uri.UnescapeDataString(personalLink.Split("token=")[1]);
        var viaApi = await (await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token))).Content.ReadAsStringAsync();
        Assert.Contains(target, viaApi);

        // 7. Cancel
        var cancelled = await phone.SubmitAsync(afterMove, afterMove.Form("form[action*='handler=Cancel']"),
            new Dictionary<string, string> { ["confirm"] = "true", ["reason"] = "Erfundener Grund" });
        Assert.Equal($"/manage/{reference}?done=cancelled", cancelled.Location);
        var afterCancel = await phone.FollowAsync(cancelled);
        Assert.Contains(PageTexts.Get("Status_cancelled-by-resident", "tr"), afterCancel.Text);
        Assert.Empty(afterCancel.Document.QuerySelectorAll("form[method=post]"));
    }

    [Fact]
    public async Task Book_WithoutConsent_ShowsTheErrorLinkedToTheCheckbox_InTurkish_AndBooksNothing()
    {
        var (browser, form) = await OpenFormAsync(slots[0]);

        var page = await browser.SubmitAsync(form, form.Form(), Entries(consent: false));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("tr", page.Language);
        var (href, text) = Assert.Single(page.ErrorLinks);
        Assert.Equal("#consent", href);
        Assert.Equal(PageTexts.Get("Error_Consent", "tr"), text);
        Assert.Equal("checkbox", page.Document.GetElementById("consent")!.GetAttribute("type"));
        Assert.Equal("true", page.Document.GetElementById("consent")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("privacy notice must be accepted", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Erfundene Testperson", page.Document.GetElementById("name")!.GetAttribute("value"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Book_WithAnInvalidPhone_ShowsThePhoneError_InArabic_RightToLeft()
    {
        var (browser, form) = await OpenFormAsync(slots[0], "ar");

        var page = await browser.SubmitAsync(form, form.Form(), Entries(phone: "bitte anrufen"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("rtl", page.Direction);
        Assert.Equal(("#phone", PageTexts.Get("Error_Phone", "ar")), Assert.Single(page.ErrorLinks));
        Assert.Equal(PageTexts.Get("Error_Phone", "ar"), page.Document.GetElementById("phone-error")!.TextContent.Trim());
        Assert.Contains("phone-error", page.Document.GetElementById("phone")!.GetAttribute("aria-describedby"));
        Assert.DoesNotContain("not a valid phone number", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Theory]
    [InlineData("Form.Name", "name", "Error_Name")]
    [InlineData("Form.Concern", "concern", "Error_Concern")]
    public async Task Book_WithNulInAField_ShowsTheErrorBesideIt_InTurkish_AndBooksNothing(string field, string id, string text)
    {
        var (browser, form) = await OpenFormAsync(slots[0]);
        var entries = Entries();
        entries[field] = "Erfundene\0Eingabe";

        var page = await browser.SubmitAsync(form, form.Form(), entries);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(($"#{id}", PageTexts.Get(text, "tr")), Assert.Single(page.ErrorLinks));
        Assert.Equal(PageTexts.Get(text, "tr"), page.Document.GetElementById($"{id}-error")!.TextContent.Trim());
        Assert.Equal("0203 5550100", page.Document.GetElementById("phone")!.GetAttribute("value")); // the other fields kept as sent
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Theory]
    [InlineData("/appointments?topic=fam%00ily&language=tr")]
    [InlineData("/book/@slot?topic=family&language=t%00r")]
    public async Task Page_WithNulInTheQuery_AnswersTheBadRequestPage(string url)
    {
        var page = await new PageBrowser(api, "tr").GetAsync(url.Replace("@slot", slots[0].ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Book_WhenTheSlotWasJustTaken_SaysSoAndOffersTheNextFreeAppointments()
    {
        var (browser, form) = await OpenFormAsync(slots[0]);
        await Scenario.BookAsync(api.CreateClient(), slots[0]); // someone else was quicker

        var page = await browser.SubmitAsync(form, form.Form(), Entries());

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Equal(PageTexts.Get("Taken_Title", "tr"), page.Heading);
        Assert.Contains(PageTexts.Get("Taken_Text", "tr"), page.Text);
        var alternatives = page.Document.QuerySelectorAll("ul.slots a[href^='/book/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(slots.Skip(1).Take(5).Select(s => $"/book/{s}?topic=family&language=tr"), alternatives);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Book_WithAnOutdatedPrivacyNoticeVersion_AsksToAgreeToTheCurrentOne()
    {
        var (browser, form) = await OpenFormAsync(slots[0], "en");
        var entries = Entries();
        entries["Form.PrivacyNoticeVersion"] = "2025-01";

        var page = await browser.SubmitAsync(form, form.Form(), entries);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(("#consent", PageTexts.Get("Error_ConsentVersion", "en")), Assert.Single(page.ErrorLinks));
        Assert.Equal("2026-11", page.Document.QuerySelector("input[name='Form.PrivacyNoticeVersion']")!.GetAttribute("value"));
        Assert.Null(page.Document.GetElementById("consent")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Book_SentTwice_BooksOnce_AndConfirmsTheSameBooking()
    {
        var (browser, form) = await OpenFormAsync(slots[0]);

        var first = await browser.SubmitAsync(form, form.Form(), Entries());
        var second = await browser.SubmitAsync(form, form.Form(), Entries());

        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Book_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (browser, form) = await OpenFormAsync(slots[0]);
        var entries = Entries();
        entries["__form"] = "";

        var page = await browser.SubmitAsync(form, form.Form(), entries);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task ManageLink_WithAWrongToken_IsAFriendly404()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        var browser = new PageBrowser(api);

        var page = await browser.OpenAsync($"/manage/{booked["reference"]}?token=erfundenes-falsches-token&culture=tr");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(PageTexts.Get("Notice_LinkNotValid_Title", "tr"), page.Heading);
        Assert.Equal("tr", page.Language);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/manage/ZZZZ-ZZZZ")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/manage/not-a-reference")).Status);
    }

    [Fact]
    public async Task ManageLink_AfterTheAppointment_IsAFriendly410()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        var browser = new PageBrowser(api, "ar");
        var link = $"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}";
        api.Clock.AdvanceDays(3);

        var page = await browser.OpenAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal(PageTexts.Get("Notice_LinkExpired_Title", "ar"), page.Heading);
        Assert.Equal("rtl", page.Direction);
    }

    [Fact]
    public async Task ManageLink_AfterErasure_IsAFriendly410InTheResidentsLanguage()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        await Scenario.EraseBookingAsync(api, booked["reference"]!.GetValue<string>());
        var browser = new PageBrowser(api, "tr");
        var link = $"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}";

        var page = await browser.OpenAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal(PageTexts.Get("Notice_Erased_Title", "tr"), page.Heading);
    }

    [Fact]
    public async Task ManageLink_InAnyCapitalisation_LeadsToTheCanonicalAddress()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        var reference = booked["reference"]!.GetValue<string>();
        var browser = new PageBrowser(api);

        var opened = await browser.GetAsync($"/manage/{reference.ToLowerInvariant()}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}");
        var page = await browser.FollowAsync(opened);

        Assert.Equal($"/manage/{reference}", opened.Location);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task Cancel_WithoutConfirming_AndAfterTheCutoff_AreExplainedOnThePage()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]); // Tuesday 1 December 2026, 09:00
        var browser = new PageBrowser(api);
        var manage = await browser.OpenAsync($"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}&culture=de");

        var unconfirmed = await browser.SubmitAsync(manage, manage.Form("form[action*='handler=Cancel']"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Equal(("#confirm", PageTexts.Get("Error_CancelConfirm", "de")), Assert.Single(unconfirmed.ErrorLinks));

        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 30)); // 08:30 in Berlin, inside the 60-minute cut-off
        var late = await browser.SubmitAsync(manage, manage.Form("form[action*='handler=Cancel']"), new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.Status);
        Assert.Contains(PageTexts.Get("Error_CancelCutoff", "de", TestCentre.Phone), late.Document.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'confirmed'"));
    }

    [Fact]
    public async Task Move_ToASlotTakenInTheMeantime_KeepsTheBookingAndSaysSo()
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        var browser = new PageBrowser(api);
        await browser.OpenAsync($"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}&culture=en");
        var day = await browser.GetAsync($"/manage/{booked["reference"]}/move?date=2026-12-01");
        await Scenario.BookAsync(api.CreateClient(), slots[1]);

        var page = await browser.SubmitAsync(day, day.Form(), new Dictionary<string, string> { ["slotId"] = slots[1].ToString() });

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Equal(("#slot", PageTexts.Get("Error_MoveConflict", "en")), Assert.Single(page.ErrorLinks));
        Assert.NotNull(page.Document.GetElementById("slot"));
    }

    [Theory]
    [InlineData("/manage/{reference}")]
    [InlineData("/manage/{reference}/confirmation")]
    [InlineData("/manage/{reference}/move")]
    [InlineData("/manage/{reference}/move?date=2026-12-02")]
    [InlineData("/manage/{reference}/calendar")]
    [InlineData("/manage/{reference}?token={token}")]
    public async Task ManagePages_SendNoReferrer_AndAreNeverCached(string url)
    {
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]);
        var browser = new PageBrowser(api);
        await browser.GetAsync($"/manage/{booked["reference"]}?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}");

        var response = (await browser.GetAsync(url.Replace("{reference}", booked["reference"]!.GetValue<string>(), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>()), StringComparison.Ordinal))).Response;

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, $"{(int)response.StatusCode}");
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task BookingAndManagePosts_ShareTheApisBookingRateLimit_ReadingTheFormDoesNot()
    {
        using var limited = new ApiFactory();
        limited.Settings["Beratung:RateLimiting:Enabled"] = "true";
        limited.Settings["Beratung:RateLimiting:booking:PermitLimit"] = "2";
        var (_, published) = await Scenario.CounsellorWithSlotsAsync(limited.CreateClientAs(Roles.Admin, Roles.Staff));
        var slotId = published[0]["id"]!.GetValue<Guid>();
        var browser = new PageBrowser(limited);

        Page form = null!;
        for (var i = 0; i < 4; i++)
        {
            form = await browser.GetAsync($"/book/{slotId}?topic=family&language=tr");
            Assert.Equal(HttpStatusCode.OK, form.Status);
        }

        await browser.Client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(published[1]["id"]!.GetValue<Guid>()));
        var second = await browser.SubmitAsync(form, form.Form(), Entries(consent: false));
        var third = await browser.SubmitAsync(form, form.Form(), Entries());

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
    }

    [Fact]
    public async Task AppointmentsPage_WithMoreThanOnePageOfSlots_ContinuesAfterTheLastOneShown()
    {
        await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff), name: "Zweite Testberaterin Erfunden");
        var browser = new PageBrowser(api);

        var first = await browser.GetAsync("/appointments?topic=family&language=tr");
        var later = first.Document.QuerySelector("nav.paging a:last-child")!.GetAttribute("href")!;
        var second = await browser.GetAsync(later);

        var shown = first.Document.QuerySelectorAll("a[href^='/book/']").Concat(second.Document.QuerySelectorAll("a[href^='/book/']"))
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("after=", later, StringComparison.Ordinal);
        Assert.Equal(50, first.Document.QuerySelectorAll("a[href^='/book/']").Length);
        Assert.Equal(72, shown.Count); // two counsellors, 1–11 December (the window from 30 November), four slots a weekday each
        Assert.Equal(shown.Count, shown.Distinct().Count());
    }
}
