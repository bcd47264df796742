using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The admin's partner pages and the desk's follow-up list over HTTP without script: who may open them, saving a
/// partner's contact fields, errors linked to their field, the three groups of follow-ups with the partner's phone,
/// the partner's answer recorded, and the letter printed from the list with the partner's address block.
/// </summary>
public sealed class PartnerPagesTests : IDisposable
{
    private static readonly Guid Caritas = Guid.Parse("01a21000-0000-7000-8000-000000000004");

    private readonly ApiFactory api = new();
    private readonly HttpClient admin;

    public PartnerPagesTests() => admin = api.CreateClientAs(Roles.Admin);

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData("/staff/admin/partners/01a21000-0000-7000-8000-000000000099")]
    [InlineData("/staff/admin/partners/kein-partner")]
    public async Task PartnerPage_ForAnUnknownPartner_Answers404(string url)
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(url)).Status);
    }

    [Fact]
    public async Task Admin_SavesAPartnersContactFields_AndTheListSaysSo()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin);
        var page = await session.GetAsync($"/staff/admin/partners/{Caritas}");
        Assert.Equal("Caritas Duisburg", page.Document.QuerySelector("#partner-name")!.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("#partner-street")!.GetAttribute("value"));

        var saved = await session.Browser.SubmitAsync(page, page.Form("form.partner-form"), Fields(page, new Dictionary<string, string>
        {
            ["Form.ContactPerson"] = "Frau Erfundene Ansprechperson",
            ["Form.Street"] = "Erfundene Allee 12",
            ["Form.PostcodeAndCity"] = "47000 Beispielhausen",
            ["Form.Phone"] = "0203 5550177",
            ["Form.Email"] = "kontakt@beispielhilfe.example.invalid",
        }));

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        var partner = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{Caritas}"))!;
        Assert.Equal("Erfundene Allee 12", partner["street"]!.GetValue<string>());
        Assert.Equal("47000 Beispielhausen", partner["postcodeAndCity"]!.GetValue<string>());
        Assert.Equal("0203 5550177", partner["phone"]!.GetValue<string>());
        Assert.Equal("Frau Erfundene Ansprechperson", partner["contactPerson"]!.GetValue<string>());
        Assert.Equal("kontakt@beispielhilfe.example.invalid", partner["email"]!.GetValue<string>());
        Assert.True(partner["takesReferrals"]!.GetValue<bool>());
        Assert.Contains("social-benefits", partner["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        var list = await session.Browser.FollowAsync(saved);
        Assert.Contains("„Caritas Duisburg“ ist gespeichert.", list.Document.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'partner.update' AND subject_id = '{Caritas}'"));
    }

    [Fact]
    public async Task Admin_AddsAPartner_AndRetiresIt_WhichMovesItToTheRetiredTable()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin);
        var page = await session.GetAsync("/staff/admin/partners/new");

        var created = await session.Browser.SubmitAsync(page, page.Form("form.partner-form"), new Dictionary<string, string>
        {
            ["Form.Name"] = "Testverein Beispielhilfe e.V.", ["Form.Kind"] = "association", ["Form.Topics"] = "family", ["Form.TakesReferrals"] = "true",
        });
        Assert.Equal(HttpStatusCode.SeeOther, created.Status);
        var id = created.Location!.Split("saved=")[1];
        var edit = await session.GetAsync($"/staff/admin/partners/{id}");
        var retired = await session.Browser.SubmitAsync(edit, edit.Form("form.partner-form"), Fields(edit, new Dictionary<string, string> { ["Form.Retired"] = "true" }));

        Assert.Equal(HttpStatusCode.SeeOther, retired.Status);
        var list = await session.Browser.FollowAsync(retired);
        var tables = list.Document.QuerySelectorAll("table.partner-table");
        Assert.Equal(2, tables.Length);
        Assert.DoesNotContain("Testverein Beispielhilfe", tables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Testverein Beispielhilfe", tables[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners"))!, p => p["id"]!.GetValue<string>() == id);
    }

    [Theory]
    [InlineData("Form.Phone", "0203 ruf-mich-an", "#partner-phone")]
    [InlineData("Form.Email", "kein-at-zeichen", "#partner-email")]
    [InlineData("Form.PostcodeAndCity", "47000\tBeispielhausen", "#partner-postcode-city")]
    [InlineData("Form.Name", "Frauennetzwerk Du-Nord", "#partner-name")]
    public async Task Admin_BadField_AnswersWithAnErrorLinkedToTheField_AndStoresNothing(string field, string value, string link)
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin);
        var before = await admin.GetStringAsync($"/api/v1/partners/{Caritas}");
        var page = await session.GetAsync($"/staff/admin/partners/{Caritas}");

        var answer = await session.Browser.SubmitAsync(page, page.Form("form.partner-form"), Fields(page, new Dictionary<string, string> { [field] = value }));

        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"answered {(int)answer.Status}");
        var error = Assert.Single(answer.Document.QuerySelectorAll(".staff-errors a"));
        Assert.Equal(link, error.GetAttribute("href"));
        Assert.Equal("true", answer.Document.QuerySelector(link)!.GetAttribute("aria-invalid"));
        Assert.Equal(value, answer.Document.QuerySelector(link)!.GetAttribute("value"));
        Assert.Equal(before, await admin.GetStringAsync($"/api/v1/partners/{Caritas}"));
    }

    [Theory]
    [InlineData("Form.Name", "Caritas\0Duisburg", "#partner-name")]
    [InlineData("Form.Street", "Erfundene Allee\0 12", "#partner-street")]
    public async Task Admin_FieldWithNul_AnswersWithAnErrorLinkedToTheField_AndStoresNothing(string field, string value, string link)
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin);
        var before = await admin.GetStringAsync($"/api/v1/partners/{Caritas}");
        var page = await session.GetAsync($"/staff/admin/partners/{Caritas}");

        var answer = await session.Browser.SubmitAsync(page, page.Form("form.partner-form"), Fields(page, new Dictionary<string, string> { [field] = value }));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Document.QuerySelectorAll(".staff-errors a"));
        Assert.Equal(link, error.GetAttribute("href"));
        Assert.Equal("true", answer.Document.QuerySelector(link)!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await admin.GetStringAsync($"/api/v1/partners/{Caritas}"));
    }

    [Fact]
    public async Task FollowUp_GroupsOverdueTodayAndTheComingDays_WithThePartnersPhoneAndTheCounsellor()
    {
        await SetCaritasPhoneAsync("0203 5550177");
        var (counsellor, caseId) = await CaseAsync();
        var overdue = await ReferralAsync(counsellor, caseId, "2026-11-27");
        var today = await ReferralAsync(counsellor, caseId, "2026-11-30");
        var week = await ReferralAsync(counsellor, caseId, "2026-12-03");
        var later = await ReferralAsync(counsellor, caseId, "2026-12-20");
        var session = await StaffSession.SignInAsync(api, Roles.Staff);

        var page = await session.GetAsync("/staff/follow-up");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([overdue.ToString()], Rows(page, "follow-up-overdue"));
        Assert.Equal([today.ToString()], Rows(page, "follow-up-today"));
        Assert.Equal([week.ToString()], Rows(page, "follow-up-week"));
        Assert.DoesNotContain(later.ToString(), page.Document.Body!.InnerHtml, StringComparison.Ordinal);
        var row = page.Document.QuerySelector($"tr[data-referral='{today}']")!;
        Assert.Equal("tel:02035550177", row.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Contains("Caritas Duisburg", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Testberaterin Nachverfolgung", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("F-2026-0001", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Zeliha", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_AcceptThenComplete_RecordsThePartnersAnswer_AndADeclineWithoutReasonIsAnError()
    {
        var (counsellor, caseId) = await CaseAsync();
        var accepted = await ReferralAsync(counsellor, caseId, "2026-11-30");
        var declined = await ReferralAsync(counsellor, caseId, "2026-11-30");
        var session = await StaffSession.SignInAsync(api, Roles.Staff);

        var page = await session.GetAsync("/staff/follow-up");
        var accept = await session.Browser.SubmitAsync(page, RowForm(page, accepted, "follow-up-accept"));
        Assert.Equal(HttpStatusCode.SeeOther, accept.Status);
        page = await session.Browser.FollowAsync(accept);
        Assert.Contains("Die Zusage ist eingetragen.", page.Text, StringComparison.Ordinal);
        var complete = await session.Browser.SubmitAsync(page, RowForm(page, accepted, "follow-up-complete"),
            new Dictionary<string, string> { ["outcome"] = "Antrag gestellt.\nBeratung beim Partner abgeschlossen." });
        Assert.Equal(HttpStatusCode.SeeOther, complete.Status);

        page = await session.Browser.FollowAsync(complete);
        var noReason = await session.Browser.SubmitAsync(page, RowForm(page, declined, "follow-up-decline"), new Dictionary<string, string> { ["reason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal($"#decline-reason-{declined}", Assert.Single(noReason.Document.QuerySelectorAll(".staff-errors a")).GetAttribute("href"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM referral WHERE id = '{accepted}' AND status = 'completed'"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM referral WHERE id = '{declined}' AND status = 'sent'"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'referral.complete' AND subject_id = '{accepted}'"));
        Assert.Empty(page.Document.QuerySelectorAll($"tr[data-referral='{accepted}']"));
    }

    [Fact]
    public async Task FollowUp_LetterLink_PrintsTheLetterWithThePartnersAddressBlock()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await session.GetAsync($"/staff/admin/partners/{Caritas}");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        var body = new
        {
            name = "Caritas Duisburg", kind = "welfare-association", topics = new[] { "social-benefits", "family" }, contactPerson = "Frau Erfundene Ansprechperson",
            street = "Erfundene Allee 12", postcodeAndCity = "47000 Beispielhausen", phone = "0203 5550177",
        };
        await Scenario.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/partners/{Caritas}", body), HttpStatusCode.OK);
        var (counsellor, caseId) = await CaseAsync();
        var referral = await ReferralAsync(counsellor, caseId, "2026-11-30");

        var list = await session.GetAsync("/staff/follow-up");
        var letter = await session.GetAsync(list.Document.QuerySelector($"tr[data-referral='{referral}'] a[href$='/letter']")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, letter.Status);
        Assert.Contains("style-src 'sha256-", letter.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var address = letter.Document.QuerySelector("address.recipient")!;
        Assert.Equal("Caritas Duisburg", address.QuerySelector("strong")!.TextContent);
        Assert.Equal(3, address.QuerySelectorAll("br").Length);
        Assert.Contains("Erfundene Allee 12", address.TextContent, StringComparison.Ordinal);
        Assert.Contains("47000 Beispielhausen", address.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/staff/follow-up/{Guid.NewGuid()}/letter")).Status);
    }

    /// <summary>The values of every field of the partner form as the page shows them, with <paramref name="changes"/> on top.</summary>
    private static Dictionary<string, string> Fields(Page page, Dictionary<string, string> changes)
    {
        var form = page.Form("form.partner-form");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=text], input[type=tel], input[type=email]"))
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        fields["Form.Kind"] = form.QuerySelector("#partner-kind option[selected]")!.GetAttribute("value")!;
        foreach (var (checkbox, index) in form.QuerySelectorAll("input[type=checkbox][checked]").Select((c, i) => (c, i)))
        {
            var name = checkbox.GetAttribute("name")!;
            fields[name == "Form.Topics" ? $"Form.Topics[{index}]" : name] = checkbox.GetAttribute("value")!;
        }

        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }

    private static List<string> Rows(Page page, string section) =>
        page.Document.QuerySelectorAll($"section[aria-labelledby='{section}'] tbody tr").Select(r => r.GetAttribute("data-referral")!).ToList();

    private static AngleSharp.Html.Dom.IHtmlFormElement RowForm(Page page, Guid referral, string form) =>
        page.Form($"tr[data-referral='{referral}'] form.{form}");

    private async Task SetCaritasPhoneAsync(string phone)
    {
        var body = new { name = "Caritas Duisburg", kind = "welfare-association", topics = new[] { "social-benefits", "family" }, phone };
        await Scenario.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/partners/{Caritas}", body), HttpStatusCode.OK);
    }

    private async Task<(HttpClient Counsellor, Guid CaseId)> CaseAsync()
    {
        var (client, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Nachverfolgung", languages = new[] { "de" }, topics = new[] { "family" }, userId }), HttpStatusCode.Created);
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            client = new { name = "Zeliha Quxtestfrau", phone = "+49 203 5550142" },
            topics = new[] { "family" },
        });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        return (client, (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }

    /// <summary>A referral to Caritas with written consent, sent, with this follow-up date.</summary>
    private static async Task<Guid> ReferralAsync(HttpClient counsellor, Guid caseId, string followUpOn)
    {
        var response = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            partnerId = Caritas, purpose = "Unterstützung beim Antrag (Test)", sharedCategories = new[] { "topics" }, followUpOn,
            consent = new { method = "written", givenAt = "2026-11-30T09:15" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await counsellor.PostAsync($"/api/v1/referrals/{id}/send", null), HttpStatusCode.OK);
        return id;
    }
}
