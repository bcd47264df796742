using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The identity page (<c>/staff/cases/{code}/client</c>): changing the client's details and related persons.</summary>
public sealed partial class CounsellorPagesTests
{
    [Fact]
    public async Task IdentityPage_SavingARelatedPerson_ChangesTheIdentity_AndANoteNamingHerIsScrubbed()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}/client");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Ayşe Yılmaz-Testfall", page.Document.QuerySelector<IHtmlInputElement>("#name")!.Value);
        Assert.Equal(3, page.Document.QuerySelectorAll("select[name$='.Relation']").Length);

        var values = FormValues(page.Form("main form[method=post]"));
        values["Form.Phone"] = "0203 5550199";
        values["Form.Related[1].Relation"] = "child";
        values["Form.Related[1].Name"] = "Mehmet Testkind";
        values["Form.Related[1].DateOfBirth"] = "2015-03-04";
        var sent = await anna.Browser.SubmitAsync(page, page.Form("main form[method=post]"), values);

        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        Assert.Equal($"/staff/cases/{code}?done=client", sent.Location);
        var identity = (await anna.Api.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}/client"))!;
        Assert.Equal("Ayşe Yılmaz-Testfall", identity["name"]!.GetValue<string>());
        Assert.Equal("0203 5550199", identity["phone"]!.GetValue<string>());
        var person = Assert.Single(identity["relatedPersons"]!.AsArray())!;
        Assert.Equal(("child", "Mehmet Testkind", "2015-03-04"),
            (person["relation"]!.GetValue<string>(), person["name"]!.GetValue<string>(), person["dateOfBirth"]!.GetValue<string>()));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'client.update' AND subject_id = '{caseId}'"));

        var casePage = await anna.Browser.FollowAsync(sent);
        Assert.Contains("Die Angaben zur Person sind gespeichert.", casePage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehmet", casePage.Text, StringComparison.Ordinal);
        var note = await anna.Browser.FollowAsync(await anna.Browser.SubmitAsync(casePage, casePage.Form($"form[action='/staff/cases/{code}']"),
            new Dictionary<string, string> { ["text"] = "Mehmet kam mit zur Beratung." }));
        Assert.Contains("1 Name(n) der Person durch [NAME]", note.Document.QuerySelector("#saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("[NAME] kam mit zur Beratung.", note.Document.QuerySelector(".timeline .note-text")!.TextContent);

        var again = await anna.Browser.GetAsync($"/staff/cases/{code}/client");
        Assert.Equal("Mehmet Testkind", again.Document.QuerySelector<IHtmlInputElement>("#related-0-name")!.Value);
        Assert.Equal(4, again.Document.QuerySelectorAll("select[name$='.Relation']").Length);
    }

    [Fact]
    public async Task IdentityPage_DateOfBirthInTheFuture_ShowsTheFieldErrors_AndChangesNothing()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}/client");
        var values = FormValues(page.Form("main form[method=post]"));
        values["Form.Name"] = "Geänderter Testname";
        values["Form.DateOfBirth"] = "2030-01-01";
        values["Form.Related[2].Name"] = "Ohne Beziehung Testperson"; // no relation chosen; the named row comes first when shown again

        var answer = await anna.Browser.SubmitAsync(page, page.Form("main form[method=post]"), values);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Das Geburtsdatum muss ein vergangenes Datum sein (JJJJ-MM-TT).", answer.Document.QuerySelector("#dateOfBirth-error")!.TextContent);
        Assert.Equal("true", answer.Document.QuerySelector("#dateOfBirth")!.GetAttribute("aria-invalid"));
        Assert.Equal("Bitte wählen Sie die Beziehung.", answer.Document.QuerySelector("#related-0-relation-error")!.TextContent);
        Assert.Equal("Ohne Beziehung Testperson", answer.Document.QuerySelector<IHtmlInputElement>("#related-0-name")!.Value);
        Assert.Equal("Geänderter Testname", answer.Document.QuerySelector<IHtmlInputElement>("#name")!.Value);
        var identity = (await anna.Api.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}/client"))!;
        Assert.Equal("Ayşe Yılmaz-Testfall", identity["name"]!.GetValue<string>());
        Assert.Null(identity["dateOfBirth"]);
        Assert.Empty(identity["relatedPersons"]!.AsArray());
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'client.update' AND subject_id = '{caseId}'"));
    }

    [Fact]
    public async Task IdentityPage_OfAColleaguesCase_Gets404_ForShowingAndSaving()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var bert = await CounsellorAsync("Testberater Bert Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        var (ownCode, _) = await OpenCaseAsync(bert);
        var own = await bert.Browser.GetAsync($"/staff/cases/{ownCode}/client");
        var form = own.Form("main form[method=post]");
        var values = FormValues(form);
        values["Form.Name"] = "Übernommener Testname";
        form.SetAttribute("action", $"/staff/cases/{code}/client"); // his own form and token, sent to her case

        var shown = await bert.Browser.GetAsync($"/staff/cases/{code}/client");
        var saved = await bert.Browser.SubmitAsync(own, form, values);

        Assert.Equal(HttpStatusCode.NotFound, shown.Status);
        Assert.DoesNotContain("Ayşe", shown.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, saved.Status);
        var identity = (await anna.Api.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}/client"))!;
        Assert.Equal("Ayşe Yılmaz-Testfall", identity["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdentityPage_WithoutAFreshSecondFactor_RedirectsToConfirm_AndChangesNothing()
    {
        var anna = await CounsellorAsync("Testberaterin Anna Erfunden");
        var (code, caseId) = await OpenCaseAsync(anna);
        var page = await anna.Browser.GetAsync($"/staff/cases/{code}/client");
        var values = FormValues(page.Form("main form[method=post]"));
        values["Form.Name"] = "Geänderter Testname";
        api.Clock.Advance(Duration.FromMinutes(6)); // the second factor of the sign-in is no longer fresh

        var shown = await anna.Browser.GetAsync($"/staff/cases/{code}/client");
        var saved = await anna.Browser.SubmitAsync(page, page.Form("main form[method=post]"), values);

        var confirm = $"/staff/confirm?returnUrl={Uri.EscapeDataString($"/staff/cases/{code}/client")}";
        Assert.Equal((HttpStatusCode.Redirect, confirm), (shown.Status, shown.Location));
        Assert.Equal((HttpStatusCode.Redirect, confirm), (saved.Status, saved.Location));
        var identity = (await anna.Api.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}/client"))!;
        Assert.Equal("Ayşe Yılmaz-Testfall", identity["name"]!.GetValue<string>());

        await anna.Session.ConfirmSecondFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await anna.Browser.GetAsync($"/staff/cases/{code}/client")).Status);
    }

    /// <summary>What a browser sends for the form as shown: its inputs and the chosen options.</summary>
    private static Dictionary<string, string> FormValues(IHtmlFormElement form)
    {
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        return values;
    }
}
