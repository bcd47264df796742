using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The data-protection officer's pages over HTTP: who may open them, the fresh second factor, requests, the audit trail.</summary>
public sealed class DpoPagesTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData("/staff/dpo/audit")]
    [InlineData("/staff/dpo/requests")]
    [InlineData("/staff/dpo/retention")]
    [InlineData("/staff/dpo/statistics")]
    public async Task DpoPages_Answer200_ForTheDpo(string path)
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);

        var page = await dpo.GetAsync(path);

        Assert.True(page.Status == HttpStatusCode.OK, $"{(int)page.Status} {page.Location}");
        Assert.NotNull(page.Document.QuerySelector($"nav a[href='{path}']"));
    }

    [Fact]
    public async Task Export_WithAStaleSecondFactor_GoesToConfirm_ThenShowsTheDocumentUnderItsOwnPolicy_AndAuditsIt()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (code, caseId) = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz QWXNOTE zur Wohnungssuche.");
        api.Clock.Advance(Duration.FromMinutes(6));

        var stale = await dpo.GetAsync($"/staff/dpo/requests/{code}/export");
        var staleJson = await dpo.GetAsync($"/staff/dpo/requests/{code}/export?handler=json");

        Assert.Equal((HttpStatusCode.Redirect, $"/staff/confirm?returnUrl={Uri.EscapeDataString($"/staff/dpo/requests/{code}/export")}"),
            (stale.Status, stale.Location));
        Assert.Equal(HttpStatusCode.Redirect, staleJson.Status);
        Assert.Equal(0, AuditCount("privacy.access-request", caseId));

        await dpo.ConfirmSecondFactorAsync();
        var page = await dpo.GetAsync($"/staff/dpo/requests/{code}/export");
        var json = await dpo.Client.GetAsync($"/staff/dpo/requests/{code}/export?handler=json");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Xaver Quxmann-Testklient", page.Text, StringComparison.Ordinal);
        Assert.Contains("QWXNOTE", page.Text, StringComparison.Ordinal);
        var style = page.Document.QuerySelector("style")!.TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", page.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script, link[rel=stylesheet]"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var body = (await json.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Xaver Quxmann-Testklient", body["client"]!["name"]!.GetValue<string>());
        Assert.Equal(2, AuditCount("privacy.access-request", caseId));
    }

    [Fact]
    public async Task Erase_WithAStaleSecondFactor_GoesToConfirm_AndErasesNothing_ThenErasesAfterConfirming()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (code, caseId) = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");
        var page = await dpo.GetAsync($"/staff/dpo/requests?code={code}");
        api.Clock.Advance(Duration.FromMinutes(6));

        var stale = await dpo.Browser.SubmitAsync(page, page.Form("form[action*='handler=Erase']"), new Dictionary<string, string> { ["confirmCode"] = code });

        Assert.Equal((HttpStatusCode.Redirect, $"/staff/confirm?returnUrl={Uri.EscapeDataString($"/staff/dpo/requests?code={code}")}"),
            (stale.Status, stale.Location));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM case_file WHERE id = '{caseId}' AND erased_on IS NOT NULL"));

        await dpo.ConfirmSecondFactorAsync();
        page = await dpo.GetAsync($"/staff/dpo/requests?code={code}");
        var wrong = await dpo.Browser.SubmitAsync(page, page.Form("form[action*='handler=Erase']"),
            new Dictionary<string, string> { ["confirmCode"] = "F-2026-9999" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.NotNull(wrong.Document.QuerySelector("#confirmCode-error"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM case_file WHERE id = '{caseId}' AND erased_on IS NOT NULL"));

        var erased = await dpo.Browser.SubmitAsync(page, page.Form("form[action*='handler=Erase']"),
            new Dictionary<string, string> { ["confirmCode"] = code.ToLowerInvariant() });

        Assert.Equal((HttpStatusCode.SeeOther, $"/staff/dpo/requests?code={code}&done=erased"), (erased.Status, erased.Location));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM case_file WHERE id = '{caseId}' AND erased_on IS NOT NULL"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM client WHERE case_id = '{caseId}'"));
        Assert.Equal(1, AuditCount("privacy.erasure", caseId));
        var after = await dpo.Browser.FollowAsync(erased);
        Assert.Contains($"Die Daten des Falls {code} wurden gelöscht.", after.Document.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form[action*='handler=Erase']"));
    }

    [Fact]
    public async Task Erase_UnderALegalHold_IsRefused_ShowingTheReason_AndLiftingTheHoldLetsItThrough()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (code, caseId) = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");

        var held = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string> { ["reason"] = "Erfundenes Verfahren QWXHOLD" },
            "form[action*='handler=Hold']");
        Assert.Equal(HttpStatusCode.SeeOther, held.Status);
        Assert.Equal(1, AuditCount("privacy.legal-hold", caseId));

        var refused = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string> { ["confirmCode"] = code },
            "form[action*='handler=Erase']");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var reason = refused.Document.QuerySelector("#refused")!.TextContent;
        Assert.Contains("Sperrvermerk", reason, StringComparison.Ordinal);
        Assert.Contains("Erfundenes Verfahren QWXHOLD", reason, StringComparison.Ordinal);
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM case_file WHERE id = '{caseId}' AND erased_on IS NOT NULL"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'privacy.erasure' AND outcome = 'refused' AND subject_id = '{caseId}'"));

        var unexplained = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string>(), "form[action*='handler=Lift']");
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.Status);
        Assert.NotNull(unexplained.Document.QuerySelector("#reason-error"));
        var lifted = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string> { ["reason"] = "Erfundenes Verfahren beendet QWXLIFT" },
            "form[action*='handler=Lift']");
        Assert.Equal((HttpStatusCode.SeeOther, $"/staff/dpo/requests?code={code}&done=lifted"), (lifted.Status, lifted.Location));
        Assert.Equal(1, AuditCount("privacy.legal-hold-lifted", caseId));
        var shown = await dpo.GetAsync(lifted.Location!);
        Assert.Equal("Erfundenes Verfahren beendet QWXLIFT", shown.Document.QuerySelector("#hold-lifted")!.TextContent);
        var erased = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string> { ["confirmCode"] = code },
            "form[action*='handler=Erase']");
        Assert.Equal(HttpStatusCode.SeeOther, erased.Status);
    }

    [Fact]
    public async Task LegalHold_WithAStaleSecondFactor_GoesToConfirm_AndWithoutAReason_ShowsTheFieldError()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (code, caseId) = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");
        var page = await dpo.GetAsync($"/staff/dpo/requests?code={code}");
        api.Clock.Advance(Duration.FromMinutes(6));

        var stale = await dpo.Browser.SubmitAsync(page, page.Form("form[action*='handler=Hold']"), new Dictionary<string, string> { ["reason"] = "Grund" });
        Assert.Equal(HttpStatusCode.Redirect, stale.Status);
        Assert.StartsWith("/staff/confirm?returnUrl=", stale.Location, StringComparison.Ordinal);

        await dpo.ConfirmSecondFactorAsync();
        var empty = await dpo.SubmitAsync($"/staff/dpo/requests?code={code}", new Dictionary<string, string> { ["reason"] = "" }, "form[action*='handler=Hold']");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.NotNull(empty.Document.QuerySelector("#reason-error"));
        Assert.Equal(0, AuditCount("privacy.legal-hold", caseId));
    }

    [Fact]
    public async Task Requests_AnUnknownOrMalformedCode_ShowsTheErrorOnTheCodeField()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);

        var unknown = await dpo.GetAsync("/staff/dpo/requests?code=F-2026-0999");
        var malformed = await dpo.GetAsync("/staff/dpo/requests?code=kein-code");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Zu diesem Aktenzeichen gibt es keinen Fall.", unknown.Document.QuerySelector("#code-error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.NotNull(malformed.Document.QuerySelector("#code-error"));
    }

    [Fact]
    public async Task Retention_ShowsTheDryRun_AndTheRunWantsAFreshSecondFactor()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        var reference = booked["reference"]!.GetValue<string>();
        api.Clock.Reset(Instant.FromUtc(2027, 1, 10, 8, 0)); // more than 30 days after 1 December
        await dpo.SignInAgainAsync();

        var preview = await dpo.GetAsync("/staff/dpo/retention");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains(reference, preview.Document.QuerySelector(".preview-bookings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));

        api.Clock.Advance(Duration.FromMinutes(6));
        var stale = await dpo.Browser.SubmitAsync(preview, preview.Form("main form[method=post]"));
        Assert.Equal((HttpStatusCode.Redirect, $"/staff/confirm?returnUrl={Uri.EscapeDataString("/staff/dpo/retention")}"), (stale.Status, stale.Location));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));

        await dpo.ConfirmSecondFactorAsync();
        var ran = await dpo.SubmitAsync("/staff/dpo/retention", new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode.SeeOther, "/staff/dpo/retention?done=true&bookings=1&cases=0&answers=0"), (ran.Status, ran.Location));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));
        var after = await dpo.Browser.FollowAsync(ran);
        Assert.NotNull(after.Document.QuerySelector("#done"));
        Assert.NotNull(after.Document.QuerySelector("#nothing-due"));
    }

    [Fact]
    public async Task Audit_PagesBackToTheVeryFirstEntry()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        await Scenario.AddAuditEntriesAsync(api, 120, "test.filler", "case", Guid.NewGuid().ToString());
        var total = Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry");

        var seqs = new List<long>();
        var page = await dpo.GetAsync("/staff/dpo/audit");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seqs.AddRange(page.Document.QuerySelectorAll("table.audit tbody tr").Select(r => long.Parse(r.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
            if (page.Document.QuerySelector<IHtmlAnchorElement>("#older") is not { } older)
            {
                break;
            }

            page = await dpo.GetAsync(older.GetAttribute("href")!);
        }

        Assert.Equal(1, seqs[^1]);
        Assert.True(seqs.Count >= total, $"{seqs.Count} of {total}");
        Assert.Equal(seqs.OrderDescending(), seqs);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.NotNull(page.Document.QuerySelector("#first-reached"));
    }

    [Fact]
    public async Task AuditCsv_HoldsTheWholeFilteredRange_WithFormulasDefused()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        await Scenario.AddAuditEntriesAsync(api, 1050, "test.csv", "case", "=HYPERLINK(\"http://example.invalid\")");
        await Scenario.AddAuditEntriesAsync(api, 3, "test.other", "case", "other");

        var page = await dpo.GetAsync("/staff/dpo/audit?action=test.csv&from=2026-11-30&to=2026-11-30");
        var csvLink = page.Document.QuerySelector("#csv")!.GetAttribute("href")!;
        var csv = await dpo.Client.GetAsync(csvLink);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at,actor_id,actor,action,subject_type,subject_id,outcome", lines[0]);
        Assert.Equal(1051, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",test.csv,case,\"'=HYPERLINK(\"\"http://example.invalid\"\")\",success", line, StringComparison.Ordinal));

        var nextDay = await dpo.Client.GetStringAsync("/staff/dpo/audit?handler=csv&action=test.csv&from=2026-12-01");
        Assert.Single(nextDay.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var (apiDpo, _, _) = await api.CreateClientAsAsync(Roles.Dpo);
        var other = (await apiDpo.GetFromJsonAsync<JsonArray>("/api/v1/audit?action=test.other"))!;
        Assert.Equal(3, other.Count);
        Assert.All(other, e => Assert.Equal("other", e!["subjectId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AuditVerify_ShowsTheCountLastNumberAndHash_AsTheApiGivesThem_AndChecksANotedEntry()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (apiDpo, _, _) = await api.CreateClientAsAsync(Roles.Dpo);
        var verified = (await apiDpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify"))!;

        var page = await dpo.GetAsync("/staff/dpo/audit?verify=true");

        var hash = page.Document.QuerySelector<IHtmlInputElement>("#last-hash")!;
        Assert.True(hash.IsReadOnly);
        Assert.Equal(verified["lastHash"]!.GetValue<string>(), hash.Value);
        Assert.Equal(verified["lastSeq"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Document.QuerySelector("#verified-last-seq")!.TextContent);
        Assert.Contains("vollständig und unverändert", page.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);

        var seq = verified["lastSeq"]!.GetValue<long>();
        var noted = await dpo.GetAsync($"/staff/dpo/audit?verify=true&seq={seq}&hash={Uri.EscapeDataString(hash.Value)}");
        var wrong = await dpo.GetAsync($"/staff/dpo/audit?verify=true&seq={seq}&hash={new string('a', 64)}");
        var malformed = await dpo.GetAsync($"/staff/dpo/audit?verify=true&seq={seq}&hash=abc");

        Assert.Contains($"Nr. {seq} ist unverändert", noted.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("beschädigt oder gekürzt", wrong.Document.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.NotNull(malformed.Document.QuerySelector("#hash-error"));
    }

    [Fact]
    public async Task Statistics_ShowsSmallCountsAsUnderFive_ForAMonthRange_AndTheCsvIsTheApis()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        await Scenario.BookAsync(api.CreateClient(), slots[1]["id"]!.GetValue<Guid>());

        var page = await dpo.GetAsync("/staff/dpo/statistics?from=2026-12&to=2026-12");
        var csv = await dpo.Client.GetAsync(page.Document.QuerySelector("#csv")!.GetAttribute("href")!);
        var apiCsv = await api.CreateClientAs(Roles.Dpo).GetStringAsync("/api/v1/statistics.csv?from=2026-12-01&to=2026-12-31");
        var backwards = await dpo.GetAsync("/staff/dpo/statistics?from=2026-12&to=2026-10");
        var notAMonth = await dpo.GetAsync("/staff/dpo/statistics?from=Dezember&to=2026-12");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var table = page.Document.QuerySelector("table#bookings-by-topic")!;
        Assert.Equal("<5", table.QuerySelector("tbody tr td")!.TextContent);
        Assert.Equal(apiCsv, await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.NotNull(backwards.Document.QuerySelector("#to-error"));
        Assert.Equal(HttpStatusCode.BadRequest, notAMonth.Status);
        Assert.NotNull(notAMonth.Document.QuerySelector("#from-error"));
    }

    [Fact]
    public async Task ExportDocument_NamesTheCentreFromConfiguration_AndEncodesEveryValue()
    {
        api.Settings["Beratung:Centre:Name"] = "Erfundenes Zentrum Anderswo";
        api.Settings["Beratung:Centre:StreetAddress"] = "Beispielweg 3";
        api.Settings["Beratung:Centre:PostcodeAndCity"] = "99999 Erfundenhausen";
        var export = new AccessExport("F-2026-0042", ["family"], "open", "2026-11-30", null, false,
            new ClientIdentity("<script>Testname</script>", null, null, null, null, []), [], [], null, []);

        await using var scope = api.Services.CreateAsyncScope();
        var html = await scope.ServiceProvider.GetRequiredService<IAccessExportDocument>().RenderAsync(export, CancellationToken.None);

        Assert.Contains("Erfundenes Zentrum Anderswo", html, StringComparison.Ordinal);
        Assert.Contains("Beispielweg 3", html, StringComparison.Ordinal);
        Assert.Contains("99999 Erfundenhausen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Duisburg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Auskunft nach Art. 15 DSGVO", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiExportHtml_IsTheSameDocumentAsThePage()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        var (apiDpo, _, _) = await api.CreateClientAsAsync(Roles.Dpo);
        var (code, _) = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");

        var fromApi = await apiDpo.GetAsync($"/api/v1/privacy/cases/{code}/export.html");
        var fromPage = await dpo.GetAsync($"/staff/dpo/requests/{code}/export");

        Assert.Equal("text/html", fromApi.Content.Headers.ContentType!.MediaType);
        var apiHtml = await fromApi.Content.ReadAsStringAsync();
        Assert.Contains(TestCentre.Settings["Beratung:Centre:StreetAddress"], System.Net.WebUtility.HtmlDecode(apiHtml), StringComparison.Ordinal);
        Assert.Equal(fromPage.Document.QuerySelector("main h1")!.TextContent, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(apiHtml).QuerySelector("main h1")!.TextContent);
    }

    private long AuditCount(string action, Guid caseId) =>
        Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = '{action}' AND subject_id = '{caseId}' AND outcome = 'success'");

    private async Task<(string Code, Guid Id)> OpenCaseAsync(string name, string note)
    {
        var (counsellor, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        await Scenario.EnsureAsync(await api.CreateClientAs(Roles.Admin).PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Datenschutz", languages = new[] { "de" }, topics = new[] { "family" }, userId }), HttpStatusCode.Created);
        var response = await counsellor.PostAsJsonAsync("/api/v1/cases", new { client = new { name }, topics = new[] { "family" } });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = note }), HttpStatusCode.Created);
        return (body["code"]!.GetValue<string>(), id);
    }
}
