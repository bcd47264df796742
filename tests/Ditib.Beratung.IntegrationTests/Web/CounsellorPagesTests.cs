using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The counsellor's pages over HTTP: who may open them, and what writing a note, referring and revealing do.</summary>
public sealed partial class CounsellorPagesTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient admin;

    public CounsellorPagesTests() => admin = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task ColleaguesCasePage_Gets404_ExactlyLikeACaseThatDoesNotExist()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var bert = await CounsellorAsync("Testberater Bert Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        var referral = await ReferAsync(anna, caseId);

        var colleagues = await bert.Browser.GetAsync($"/staff/cases/{code}");
        var missing = await bert.Browser.GetAsync("/staff/cases/F-2026-0999");
        var byId = await bert.Browser.GetAsync($"/staff/cases/{caseId}");
        var letter = await bert.Browser.GetAsync($"/staff/cases/{code}/referrals/{referral}/letter");
        var owners = await anna.Browser.GetAsync($"/staff/cases/{code}");

        Assert.Equal(HttpStatusCode.NotFound, colleagues.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, byId.Status);
        Assert.Equal(HttpStatusCode.NotFound, letter.Status);
        Assert.Equal(missing.Document.QuerySelector("main")!.InnerHtml, colleagues.Document.QuerySelector("main")!.InnerHtml);
        Assert.DoesNotContain(code, colleagues.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, owners.Status);
        Assert.Equal($"Fall {code}", owners.Heading);
    }

    [Theory]
    [InlineData("/staff/cases")]
    [InlineData("/staff/cases/F-2026-0001")]
    [InlineData("/staff/cases/F-2026-0001/referrals/new")]
    [InlineData("/staff/cases/F-2026-0001/client")]
    public async Task DeskRole_Gets403_OnCasePages(string path)
    {
        var desk = await StaffBrowserAsync(Roles.Staff);

        var page = await desk.GetAsync(path);

        Assert.True(page.Status == HttpStatusCode.Forbidden, $"{(int)page.Status} {page.Location} {page.Text}");
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/cases")]
    [InlineData("/staff/cases/F-2026-0001")]
    public async Task Anonymous_IsSentToTheSignInPage(string path)
    {
        var anonymous = new PageBrowser(api);

        var page = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/staff/sign-in", new Uri(new Uri("https://localhost"), page.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingANote_ShowsWhatTheScrubberReplaced_AndTheTimelineShowsTheCorrectionAsSuperseding()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, _) = await OpenCaseAsync(anna);
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}");

        var sent = await anna.Browser.SubmitAsync(page, page.Form($"form[action='/staff/cases/{code}']"), new Dictionary<string, string>
        {
            ["text"] = "Frau Yilmaz rief von 0203 5550100 an, E-Mail ayse.test@example.invalid.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        var saved = await anna.Browser.FollowAsync(sent);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var box = saved.Document.QuerySelector("#saved")!.TextContent;
        Assert.Contains("1 Telefonnummer(n) durch [TELEFON]", box, StringComparison.Ordinal);
        Assert.Contains("1 E-Mail-Adresse(n) durch [E-MAIL]", box, StringComparison.Ordinal);
        Assert.Contains("1 Name(n) der Person durch [NAME]", box, StringComparison.Ordinal);
        var note = saved.Document.QuerySelector(".timeline .note-text")!.TextContent;
        Assert.Equal("Frau [NAME] rief von [TELEFON] an, E-Mail [E-MAIL].", note);

        var correct = await anna.Browser.GetAsync(saved.Document.QuerySelector(".timeline a[href*='correct=']")!.GetAttribute("href")!);
        var corrected = await anna.Browser.FollowAsync(await anna.Browser.SubmitAsync(correct, correct.Form($"form[action='/staff/cases/{code}']"),
            new Dictionary<string, string> { ["text"] = "Korrektur: Rückruf erst nächste Woche." }));
        var notes = corrected.Document.QuerySelectorAll(".timeline > li");
        Assert.Equal(2, notes.Length);
        Assert.Contains("Korrektur der Notiz vom", notes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("superseded", notes[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("Ersetzt durch die Korrektur vom", notes[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevealingTheIdentity_WantsAFreshSecondFactor_ThenShowsItAndAuditsIt()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        api.Clock.Advance(Duration.FromMinutes(6)); // the second factor of the sign-in is no longer fresh
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}");

        var asked = await anna.Browser.SubmitAsync(page, page.Form("form[action*='handler=Reveal']"));
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.StartsWith("/staff/confirm?returnUrl=", asked.Location, StringComparison.Ordinal);
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'client.reveal' AND subject_id = '{caseId}'"));

        await anna.Session.ConfirmSecondFactorAsync();
        page = await anna.Browser.GetAsync($"/staff/cases/{code}");
        var revealed = await anna.Browser.SubmitAsync(page, page.Form("form[action*='handler=Reveal']"));

        Assert.Equal(HttpStatusCode.OK, revealed.Status);
        Assert.Contains("Ayşe Yılmaz-Testfall", revealed.Document.QuerySelector(".identity")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(revealed.Document.QuerySelector($"a[href='/staff/cases/{code}/client']"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'client.reveal' AND subject_id = '{caseId}'"));
        var again = await anna.Browser.GetAsync($"/staff/cases/{code}");
        Assert.Null(again.Document.QuerySelector(".identity"));
    }

    [Fact]
    public async Task ANoteSentAfterTheSessionEnded_IsBackInTheFormAfterSigningInAgain_AndNotSavedUntilSent()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, _) = await OpenCaseAsync(anna);
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}");
        api.Clock.Advance(Duration.FromMinutes(31)); // idle for longer than the session lasts

        var form = page.Form($"form[action='/staff/cases/{code}']");
        var token = form.QuerySelector("input[name=__form]")!.GetAttribute("value")!;
        var crossSite = await anna.Browser.Client.PostAsync($"/staff/cases/{code}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Untergeschobener Text", ["__form"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, crossSite.StatusCode);
        Assert.False(crossSite.Headers.TryGetValues("Set-Cookie", out var planted) && planted.Any(c => c.StartsWith(NoteDrafts.CookieName, StringComparison.Ordinal)),
            "a form without the centre's Origin left a draft");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{code}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Erfundener Entwurf nach langem Gespräch.", ["__form"] = token }),
        };
        request.Headers.Add("Origin", "https://localhost");
        var answer = await PageBrowser.ReadAsync(await anna.Browser.Client.SendAsync(request));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/staff/sign-in", new Uri(new Uri("https://localhost"), answer.Location!).AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("Entwurf", string.Join(";", answer.Response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM case_note"));

        await anna.Session.SignInAgainAsync($"/staff/cases/{code}");
        var back = await anna.Browser.GetAsync($"/staff/cases/{code}");

        Assert.Equal("Erfundener Entwurf nach langem Gespräch.", back.Document.QuerySelector("#text")!.TextContent);
        Assert.NotNull(back.Document.QuerySelector(".staff-notice"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM case_note"));
        var once = await anna.Browser.GetAsync($"/staff/cases/{code}");
        Assert.Equal("", once.Document.QuerySelector("#text")!.TextContent);
    }

    [Fact]
    public async Task Referral_WithWrittenConsent_IsSavedAsDraft_ItsLetterHoldsOnlyTheChosenCategories_AndItCanBeSent()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, _) = await OpenCaseAsync(anna);
        var form = await anna.Browser.GetAsync($"/staff/cases/{code}/referrals/new");
        var caritas = form.Document.QuerySelectorAll("input[name='Form.PartnerId']")
            .Single(i => form.Document.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Caritas", StringComparison.Ordinal));
        Assert.Contains("Name, Telefon, E-Mail, Adresse und Geburtsdatum", form.Text, StringComparison.Ordinal);

        var sent = await PostAsync(anna.Browser, form, $"/staff/cases/{code}/referrals/new",
        [
            new("Form.PartnerId", caritas.GetAttribute("value")!),
            new("Form.Purpose", "Erfundene Beratung zum Kinderzuschlag"),
            new("Form.Categories", "topics"),
            new("Form.Categories", "summary"),
            new("Form.Summary", "Erfundene Zusammenfassung, Rückruf unter 0203 5550100."),
            new("Form.Grounds", "written"),
            new("Form.ConsentDate", "2026-11-30"),
            new("Form.FollowUpOn", "2026-12-14"),
        ]);
        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        var referral = await anna.Browser.FollowAsync(sent);
        Assert.Equal("Entwurf", referral.Document.QuerySelector("#referral-state")!.TextContent);

        var letter = await anna.Browser.GetAsync(referral.Document.QuerySelector("a[href$='/letter']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, letter.Status);
        Assert.Contains("Caritas", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Schriftliche Einwilligung", letter.Text, StringComparison.Ordinal);
        Assert.Contains("[TELEFON]", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Yılmaz", letter.Text, StringComparison.Ordinal);
        Assert.Contains("style-src 'sha256-", letter.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var sentStep = await anna.Browser.SubmitAsync(referral, referral.Form("form[action*='handler=Send']"));
        var after = await anna.Browser.FollowAsync(sentStep);
        Assert.Equal("versandt", after.Document.QuerySelector("#referral-state")!.TextContent);
        var casePage = await anna.Browser.GetAsync($"/staff/cases/{code}");
        Assert.Contains("Caritas Duisburg – versandt", casePage.Document.QuerySelector(".referrals")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeinTag_ShowsTheConcernOfHerOwnBooking_AndMarksItAttendedOnceBegun()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var slot = await anna.Api.PostAsJsonAsync($"/api/v1/counsellors/{anna.CounsellorId}/slots",
            new { start = "2026-11-30T09:15", minutes = 45, mode = "in-person", location = "Raum 3", capacity = 1 });
        await Scenario.EnsureAsync(slot, HttpStatusCode.Created);
        var slotId = (await slot.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/agenda/bookings", Scenario.Booking(slotId)), HttpStatusCode.Created);

        var before = await anna.Browser.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("Erfundenes Anliegen", before.Document.QuerySelector("td.concern")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(before.Document.QuerySelectorAll("button[value=attended]"));

        api.Clock.Advance(Duration.FromMinutes(20)); // 09:20 in Berlin: the appointment has begun
        var begun = await anna.Browser.GetAsync("/staff");
        var marked = await anna.Browser.SubmitAsync(begun, begun.Form("form[action*='handler=Attendance']"), new Dictionary<string, string> { ["outcome"] = "attended" });
        var after = await anna.Browser.FollowAsync(marked);

        Assert.Equal("Als erschienen eingetragen.", after.Document.QuerySelector(".staff-success")!.TextContent.Trim());
        Assert.Contains("erschienen", after.Document.QuerySelector("table.agenda tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll("button[value=attended]"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'attended'"));
    }

    private static Task<Page> PostAsync(PageBrowser browser, Page page, string action, List<KeyValuePair<string, string>> fields)
    {
        var token = page.Document.QuerySelector("input[name=__form]")!.GetAttribute("value")!;
        fields.Add(new("__form", token));
        return browser.Client.PostAsync(action, new FormUrlEncodedContent(fields)).ContinueWith(t => PageBrowser.ReadAsync(t.Result)).Unwrap();
    }

    private sealed record Counsellor(StaffSession Session, HttpClient Api, Guid CounsellorId)
    {
        public PageBrowser Browser => Session.Browser;
    }

    /// <summary>A counsellor signed in to the staff pages (cookie), with her profile, and an API client for setting up data.</summary>
    private async Task<Counsellor> CounsellorAsync(string displayName)
    {
        var session = await StaffSession.SignInAsync(api, Roles.Counsellor);
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName, languages = new[] { "de", "tr" }, topics = new[] { "family", "social-benefits" }, userId = session.UserId });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        return new Counsellor(session, await api.SignInAsync(session.Username), id);
    }

    private async Task<(string Code, Guid Id)> OpenCaseAsync(Counsellor counsellor)
    {
        var response = await counsellor.Api.PostAsJsonAsync("/api/v1/cases", new
        {
            client = new { name = "Ayşe Yılmaz-Testfall", phone = "0203 5550100" },
            topics = new[] { "family", "social-benefits" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["code"]!.GetValue<string>(), body["id"]!.GetValue<Guid>());
    }

    private static async Task<Guid> ReferAsync(Counsellor counsellor, Guid caseId)
    {
        var partner = (await counsellor.Api.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{caseId}/partner-suggestions"))![0]["id"]!.GetValue<Guid>();
        var response = await counsellor.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            partnerId = partner, purpose = "Erfundener Anlass", sharedCategories = new[] { "topics" }, followUpOn = "2026-12-10",
            consent = new { method = "written", givenAt = "2026-11-30" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<PageBrowser> StaffBrowserAsync(params string[] roles) => (await StaffSession.SignInAsync(api, roles)).Browser;
}
