using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests;

public sealed class CaseTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient desk;
    private readonly (HttpClient Client, Guid CounsellorId) a;
    private readonly (HttpClient Client, Guid CounsellorId) b;

    public CaseTests()
    {
        desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        a = CounsellorAsync("Testberaterin Anna Erfunden").GetAwaiter().GetResult();
        b = CounsellorAsync("Testberater Bert Erfunden").GetAwaiter().GetResult();
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task OpenCase_Directly_GivesASequentialPseudonymousCode()
    {
        var first = await OpenDirectAsync(a.Client, "Ayşe Yılmaz-Testfall");
        var second = await OpenDirectAsync(a.Client, "Mehmet Öztürk-Testfall");

        Assert.Equal("F-2026-0001", first["code"]!.GetValue<string>());
        Assert.Equal("F-2026-0002", second["code"]!.GetValue<string>());
        var list = await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases");
        Assert.Equal(2, list!.Count);
        Assert.DoesNotContain("Yılmaz", JsonSerializerText(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_ShowsTheConcernToTheSlotsCounsellorOnly_AndSpansTheDaysAsked()
    {
        var slotId = await OwnSlotAsync(a);
        await Scenario.BookAsync(api.CreateClient(), slotId);

        var own = await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/agenda?date=2026-12-01&to=2026-12-03");
        var deskView = await desk.GetFromJsonAsync<List<JsonObject>>($"/api/v1/agenda?date=2026-12-02&counsellorId={a.CounsellorId}");
        var otherDay = await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/agenda?date=2026-12-03");
        var tooLong = await a.Client.GetAsync("/api/v1/agenda?date=2026-12-01&to=2026-12-15");

        Assert.Equal("Erfundenes Anliegen", own!.Single()["bookings"]![0]!["concern"]!.GetValue<string>());
        var deskEntry = deskView!.Single()["bookings"]![0]!.AsObject();
        Assert.Equal("Erfundene Testperson", deskEntry["name"]!.GetValue<string>());
        Assert.Null(deskEntry["concern"]);
        Assert.Empty(otherDay!);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await Scenario.ProblemAsync(tooLong))["errors"]!.AsObject().ContainsKey("to"));
    }

    [Fact]
    public async Task OpenCase_FromABooking_CopiesTheContactIntoTheSealedIdentity()
    {
        var slotId = await OwnSlotAsync(a);
        var booked = await Scenario.BookAsync(api.CreateClient(), slotId);

        var response = await a.Client.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var again = await a.Client.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });
        var client = await a.Client.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{id}/client");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Erfundene Testperson", client!["name"]!.GetValue<string>());
        Assert.Equal("+49 170 5550100", client["phone"]!.GetValue<string>());
        var summary = (await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases"))!.Single();
        Assert.Equal(["family"], summary["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenCase_FromAnotherCounsellorsBooking_Returns404()
    {
        var slotId = await OwnSlotAsync(a);
        var booked = await Scenario.BookAsync(api.CreateClient(), slotId);

        var response = await b.Client.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Notes_AreScrubbedSealedAndListedInOrder_AndEveryReadIsAudited()
    {
        var id = (await OpenDirectAsync(a.Client, "Ayşe Yılmaz-Testfall"))["id"]!.GetValue<Guid>();

        var first = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes",
            new { text = "Erstgespräch mit Frau Yilmaz, erreichbar unter 0203 1234567 oder ayse.test@example.invalid." });
        await Scenario.EnsureAsync(first, HttpStatusCode.Created);
        var created = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var correction = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes",
            new { text = "Korrektur: Termin am Jugendamt ist am Montag um 14:30.", supersedes = created["id"]!.GetValue<Guid>() });
        await Scenario.EnsureAsync(correction, HttpStatusCode.Created);

        var notes = await a.Client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{id}/notes");

        Assert.Equal("Erstgespräch mit Frau [NAME], erreichbar unter [TELEFON] oder [E-MAIL].", created["text"]!.GetValue<string>());
        Assert.Equal(["email:1", "phone:1", "name:1"],
            created["redactions"]!.AsArray().Select(r => $"{r!["kind"]}:{r["count"]}"));
        Assert.Equal(2, notes!.Count);
        Assert.Equal(created["id"]!.GetValue<Guid>(), notes[1]["supersedes"]!.GetValue<Guid>());
        Assert.Equal("Testberaterin Anna Erfunden", notes[0]["author"]!.GetValue<string>());
        Assert.Equal(created["text"]!.GetValue<string>(), notes[0]["text"]!.GetValue<string>());
        Assert.Contains("14:30", notes[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["email:1", "name:1", "phone:1"], notes[0]["redactions"]!.AsArray().Select(r => $"{r!["kind"]}:{r["count"]}").Order());
        Assert.Empty(notes[1]["redactions"]!.AsArray());
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'case.notes-read' AND subject_id = '{id}'"));
    }

    [Fact]
    public async Task ListCases_ByCode_FindsOnlyAReadableCase_WhateverTheLetterCase()
    {
        var opened = await OpenDirectAsync(a.Client, "Ayşe Yılmaz-Testfall");
        await OpenDirectAsync(a.Client, "Mehmet Öztürk-Testfall");

        var found = await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases?code=f-2026-0001");
        var byOther = await b.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases?code=F-2026-0001");
        var one = await a.Client.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{opened["id"]}");
        var bad = await a.Client.GetAsync("/api/v1/cases?code=Yilmaz");

        Assert.Equal(opened["id"]!.GetValue<Guid>(), found!.Single()["id"]!.GetValue<Guid>());
        Assert.Empty(byOther!);
        Assert.Equal("F-2026-0001", one!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Scenario.ProblemAsync(bad))["errors"]!.AsObject().ContainsKey("code"));
    }

    [Fact]
    public async Task OtherCounsellor_CannotReadListShareOrAnnotate_AndLearnsNothing()
    {
        var id = (await OpenDirectAsync(a.Client, "Rêber Şêrîn-Testfall"))["id"]!.GetValue<Guid>();
        var unknown = Guid.CreateVersion7();

        foreach (var caseId in new[] { id, unknown })
        {
            var responses = new[]
            {
                await b.Client.GetAsync($"/api/v1/cases/{caseId}"),
                await b.Client.GetAsync($"/api/v1/cases/{caseId}/notes"),
                await b.Client.GetAsync($"/api/v1/cases/{caseId}/client"),
                await b.Client.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Versuch" }),
                await b.Client.PostAsJsonAsync($"/api/v1/cases/{caseId}/share", new { counsellorId = b.CounsellorId }),
                await b.Client.PostAsync($"/api/v1/cases/{caseId}/close", null),
            };
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("Case not found.", (await Scenario.ProblemAsync(response))["detail"]!.GetValue<string>());
            }
        }

        Assert.Empty((await b.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases"))!);
        // Every attempt on the existing case is audited as a denied access (reads and commands alike); the unknown id is not.
        Assert.Equal(6, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'case.access-denied' AND subject_id = '{id}' AND outcome = 'denied'"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE subject_id = '{unknown}'"));
    }

    [Fact]
    public async Task Sharing_LetsTheColleagueRead_UnsharingTakesItBack_AndOnlyTheOwnerShares()
    {
        var id = (await OpenDirectAsync(a.Client, "Fatma Demir-Testfall"))["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = "Erste Notiz." }), HttpStatusCode.Created);

        await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/share", new { counsellorId = b.CounsellorId }), HttpStatusCode.OK);
        var read = await b.Client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{id}/notes");
        var reshare = await b.Client.PostAsJsonAsync($"/api/v1/cases/{id}/share", new { counsellorId = b.CounsellorId });
        await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/unshare", new { counsellorId = b.CounsellorId }), HttpStatusCode.OK);
        var after = await b.Client.GetAsync($"/api/v1/cases/{id}/notes");

        Assert.Single(read!);
        Assert.Equal(HttpStatusCode.Forbidden, reshare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'case.share' AND subject_id = '{id}'"));
    }

    [Fact]
    public async Task ALinkedProfile_CannotBeMovedToAnotherAccount_AndSharingNeedsAnActiveAccount()
    {
        var (_, otherUser, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var id = (await OpenDirectAsync(a.Client, "Testfall Umzug"))["id"]!.GetValue<Guid>();
        var accounts = await desk.GetFromJsonAsync<List<JsonObject>>("/api/v1/counsellors");
        var bUser = accounts!.Single(c => c["id"]!.GetValue<Guid>() == b.CounsellorId)["userId"]!.GetValue<Guid>();

        var move = await desk.PutAsJsonAsync($"/api/v1/counsellors/{a.CounsellorId}",
            new { displayName = "Testberaterin Anna Erfunden", languages = new[] { "de" }, topics = new[] { "family" }, active = true, userId = otherUser });
        await Scenario.EnsureAsync(await desk.PostAsync($"/api/v1/users/{bUser}/deactivate", null), HttpStatusCode.OK);
        var share = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/share", new { counsellorId = b.CounsellorId });

        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, share.StatusCode);
    }

    [Theory]
    [InlineData("\u200b\u200b\u00a0")]
    [InlineData("Bitte \u202Eprüfen")]
    public async Task Note_WithoutVisibleTextOrWithDirectionOverrides_Returns400(string text)
    {
        var id = (await OpenDirectAsync(a.Client, "Testfall Zeichen"))["id"]!.GetValue<Guid>();

        var response = await a.Client.PostAsync($"/api/v1/cases/{id}/notes",
            new StringContent($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("text"));
    }

    [Fact]
    public async Task ListCases_WithAnUnreadableFlag_NamesTheParameter()
    {
        var response = await a.Client.GetAsync("/api/v1/cases?own=yes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("own"));
    }

    [Fact]
    public async Task ClosedCase_TakesNoNotes_UntilReopened()
    {
        var id = (await OpenDirectAsync(a.Client, "Olga Ivanova-Testfall"))["id"]!.GetValue<Guid>();

        await Scenario.EnsureAsync(await a.Client.PostAsync($"/api/v1/cases/{id}/close", null), HttpStatusCode.OK);
        var closedNote = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = "Nachtrag" });
        var closedList = await a.Client.GetFromJsonAsync<List<JsonObject>>("/api/v1/cases?status=closed");
        await Scenario.EnsureAsync(await a.Client.PostAsync($"/api/v1/cases/{id}/reopen", null), HttpStatusCode.OK);
        var reopenedNote = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = "Nachtrag" });

        Assert.Equal(HttpStatusCode.Conflict, closedNote.StatusCode);
        Assert.Single(closedList!);
        await Scenario.EnsureAsync(reopenedNote, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Dpo)]
    public async Task OtherRoles_Get403OnCases(string role)
    {
        var id = (await OpenDirectAsync(a.Client, "Testfall Rollen"))["id"]!.GetValue<Guid>();
        var other = api.CreateClientAs(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/cases/{id}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/cases/{id}/client")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task CryptoShreddingACase_LeavesItsNotesUnreadable_WhileOtherCasesStayReadable()
    {
        var shredded = (await OpenDirectAsync(a.Client, "Testfall Geloescht"))["id"]!.GetValue<Guid>();
        var kept = (await OpenDirectAsync(a.Client, "Testfall Bleibt"))["id"]!.GetValue<Guid>();
        foreach (var id in new[] { shredded, kept })
        {
            await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = "Notiz zur Beratung." }),
                HttpStatusCode.Created);
        }

        using (Ditib.Beratung.Application.Common.SystemScope.Enter())
        {
            await using var scope = api.Services.CreateAsyncScope();
            var cipher = scope.ServiceProvider.GetRequiredService<Ditib.Beratung.Application.Common.IEnvelopeCipher>();
            var keyId = Guid.Parse((string)ScalarAsync($"SELECT data_key_id FROM case_file WHERE id = '{shredded}'"));
            await cipher.ShredAsync(keyId, CancellationToken.None);
        }

        var gone = await a.Client.GetAsync($"/api/v1/cases/{shredded}/notes");
        var identity = await a.Client.GetAsync($"/api/v1/cases/{shredded}/client");
        var stillThere = await a.Client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{kept}/notes");

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("Erased", (await Scenario.ProblemAsync(gone))["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Gone, identity.StatusCode);
        Assert.Equal("Notiz zur Beratung.", stillThere!.Single()["text"]!.GetValue<string>());
    }

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task RawDatabaseFile_HoldsNoNoteTextOrClientData()
    {
        var secrets = new[] { "Zülfiye Quxbaum-Testfall", "+49 176 5550123", "zuelfiye.quxbaum@example.invalid", "Musterweg 77, 47169 Testhausen",
            "Vertrauliche Testnotiz XYZZY-Gewaltschutz" };
        var response = await a.Client.PostAsJsonAsync("/api/v1/cases", new
        {
            client = new { name = secrets[0], phone = secrets[1], email = secrets[2], dateOfBirth = "1980-05-17", address = secrets[3] },
            topics = new[] { "violence-protection" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = secrets[4] }), HttpStatusCode.Created);

        var bytes = Scenario.DatabaseFolderBytes(api);
        foreach (var secret in secrets)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Testberaterin Anna Erfunden")));
    }

    [Fact]
    public async Task OpenCase_WithBadInput_Returns400NamingTheField()
    {
        var both = await a.Client.PostAsJsonAsync("/api/v1/cases", new { bookingReference = "ABCD-EFGH", client = new { name = "X" }, topics = new[] { "family" } });
        var noTopic = await a.Client.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Testfall" } });
        var badBirth = await a.Client.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Testfall", dateOfBirth = "17.05.1980" }, topics = new[] { "family" } });

        Assert.True((await Scenario.ProblemAsync(both))["errors"]!.AsObject().ContainsKey("bookingReference"));
        Assert.True((await Scenario.ProblemAsync(noTopic))["errors"]!.AsObject().ContainsKey("topics"));
        Assert.True((await Scenario.ProblemAsync(badBirth))["errors"]!.AsObject().ContainsKey("client.dateOfBirth"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM case_file"));
    }

    private async Task<JsonObject> OpenDirectAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            client = new { name, phone = "+49 203 5550100", email = "fall.test@example.invalid", dateOfBirth = "1985-03-12", address = "Teststraße 1, 47169 Duisburg" },
            topics = new[] { "family" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<(HttpClient, Guid)> CounsellorAsync(string displayName)
    {
        var (client, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var created = await desk.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName, languages = new[] { "de", "tr" }, topics = new[] { "family", "violence-protection" }, userId });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        return (client, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }

    private async Task<Guid> OwnSlotAsync((HttpClient Client, Guid CounsellorId) counsellor)
    {
        var slot = await counsellor.Client.PostAsJsonAsync($"/api/v1/counsellors/{counsellor.CounsellorId}/slots",
            new { start = "2026-12-02T10:00", minutes = 45, mode = "in-person", location = "Raum 3", capacity = 1 });
        await Scenario.EnsureAsync(slot, HttpStatusCode.Created);
        return (await slot.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private object ScalarAsync(string sql)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private static string JsonSerializerText(List<JsonObject> list) => string.Concat(list.Select(o => o.ToJsonString()));
}
