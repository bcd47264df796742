using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// Generated hostile requests against the public endpoints and a few signed-in ones: wrong JSON types, huge strings,
/// control characters, odd Unicode, deep nesting, missing and extra fields, odd query strings and headers. Whatever
/// comes in, the answer is never a 5xx, every 4xx is a problem-details body, and a 4xx leaves the database as it was
/// (only failed sign-ins may add audit entries).
/// </summary>
public sealed class HostileInputPropertyTests : IDisposable
{
    private const int Samples = 400;

    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    /// <summary>What one generated request is; rendered against the live ids at send time.</summary>
    public sealed record Hostile(string Method, string Path, string? Body, string? ContentType, (string Name, string Value)[] Headers, bool SignedIn)
    {
        public override string ToString()
        {
            var body = Body is null ? "<none>" : Body.Length > 300 ? $"{Body[..300]}… ({Body.Length} chars)" : Body;
            var path = Path.Length > 300 ? $"{Path[..300]}… ({Path.Length} chars)" : Path;
            return $"{Method} {path} [{ContentType}] {string.Join(", ", Headers.Select(h => $"{h.Name}: {Shorten(h.Value)}"))} signedIn={SignedIn} body={body}";
        }

        private static string Shorten(string value) => value.Length > 80 ? $"{value[..80]}… ({value.Length})" : value;
    }

    [Fact]
    public async Task HostileRequests_NeverGive5xx_AnswerProblemDetails_AndLeaveTheDatabaseAlone()
    {
        var desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (counsellor, counsellorUser, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var profile = await desk.PostAsJsonAsync("/api/v1/counsellors", new
        {
            displayName = "Testberaterin Hostil Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family", "education" }, userId = counsellorUser,
        });
        await Scenario.EnsureAsync(profile, HttpStatusCode.Created);
        var counsellorId = (await profile.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(desk, capacity: 3);
        var slotIds = slots.Select(s => s["id"]!.GetValue<Guid>()).ToArray();
        var bookings = new List<(string Reference, string Token)>();
        for (var i = 0; i < 3; i++)
        {
            var booked = await Scenario.BookAsync(desk, slotIds[i]);
            bookings.Add((booked["reference"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>()));
        }

        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases",
            new { client = new { name = "Erfundene Fallperson" }, topics = new[] { "family" } });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var ids = new LiveIds(slotIds, bookings, caseId, counsellorId);
        var anonymous = api.CreateClient();
        using var database = api.OpenDatabase();
        var notes = new List<string>();

        await Requests(ids).SampleAsync(async request =>
        {
            var before = Snapshot.Take(database);
            using var message = Build(request);
            using var response = await (request.SignedIn ? counsellor : anonymous).SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(status < 500, $"{status} for {request}: {text}");
            if (status < 400)
            {
                return;
            }

            if (status is 413 or 414 or 431 && text.Length == 0)
            {
                notes.Add($"{status} with an empty body from the server for {request}");
            }
            else
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{status} without problem details ({response.Content.Headers.ContentType}) for {request}: {text}");
                var problem = JsonNode.Parse(text)!.AsObject();
                Assert.Equal(status, problem["status"]!.GetValue<int>());
            }

            var after = Snapshot.Take(database);
            Assert.True(before.Unchanged(after, database), $"{status} changed the database ({before} -> {after}) for {request}");
        }, iter: Samples, threads: 1, print: r => r.ToString());

        // Nothing above came from Kestrel, so nothing should have been noted; the list stays visible if it ever fills.
        Assert.Empty(notes);
    }

    private static HttpRequestMessage Build(Hostile request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private sealed record LiveIds(Guid[] Slots, List<(string Reference, string Token)> Bookings, Guid CaseId, Guid CounsellorId);

    // ---- strings -------------------------------------------------------------------------------------------------

    private static readonly string[] OddPieces =
    [
        "\u202E", "\u202D", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u00AD", "😀", "👨‍👩‍👧", "🇹🇷", "𝕏", "e\u0301", "İ", "ı", "ß", "ﷺ",
        "\u0000", "\u0007", "\u001B[31m", "\r\n", "\t", "\u2028", "\u2029", "\uFFFD", "\uFFFF", "%00", "'; DROP TABLE booking;--", "<script>",
        "../../etc/passwd", "{{7*7}}", "${jndi:x}", "NaN", "-0", "1e400", "0x10", "null", "true", "Ayşe Yılmaz", "محمد", "עברית",
    ];

    private static readonly Gen<string> Odd = Gen.OneOf(OddPieces).Array[1, 8].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Control = Gen.Char[(char)0, (char)31].Array[1, 12].Select(chars => new string(chars));

    private static readonly Gen<string> Huge = Gen.Frequency(
        (3, Gen.Int[1_000, 20_000]),
        (1, Gen.Int[60_000, 70_000])).SelectMany(length => Gen.OneOf("x", "ü", "😀", "\u202E", "a\u0000")
        .Select(piece => string.Concat(Enumerable.Repeat(piece, length / piece.Length))));

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (3, Gen.String),
        (3, Odd),
        (2, Control),
        (1, Huge),
        (1, Gen.Const("")),
        (1, Gen.Const("   ")));

    private static string JsonString(string value, bool relaxed) =>
        JsonSerializer.Serialize(value, relaxed ? RelaxedJson : StrictJson);

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions StrictJson = new();

    // ---- JSON values ---------------------------------------------------------------------------------------------

    private static readonly Gen<string> StringValue = Gen.Frequency(
        (4, HostileString.SelectMany(s => Gen.Bool.Select(relaxed => JsonString(s, relaxed)))),
        // Escapes that are valid JSON text but not valid UTF-16 (lone surrogates) or that spell NUL.
        (2, Gen.OneOf("\"\\uD800\"", "\"\\uDFFF x\"", "\"a\\uD83D\"", "\"\\u0000\"", "\"\\uDE00\\uD83D\"", "\"\\u202Eevil\"")),
        // Raw, unescaped control characters and quotes: not JSON at all.
        (1, Control.Select(s => $"\"{s}\"")));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, StringValue),
        (2, Gen.OneOf("0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e400", "-0", "1E-400", "01", "+1", "NaN", "Infinity")),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("true", "false", "null")),
        (1, Gen.Guid.Select(g => $"\"{g}\"")),
        (1, Gen.OneOf("\"00000000-0000-0000-0000-000000000000\"", "\"2026-12-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"09:00\"", "\"24:00\"")));

    private static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => $"[{string.Join(',', items)}]")),
            (1, Gen.Select(Gen.OneOf("a", "name", "slotId", "__proto__", "$type", "").Array[0, 3], Value(depth - 1).Array[3],
                (keys, values) => $"{{{string.Join(',', keys.Select((k, i) => $"\"{k}\":{values[i]}"))}}}")),
            (1, Gen.Int[60, 3_000].Select(n => new string('[', n) + new string(']', n))),
            (1, Gen.Int[60, 3_000].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n))));

    private static readonly Gen<string> AnyValue = Value(2);

    // ---- bodies --------------------------------------------------------------------------------------------------

    /// <summary>A valid body as fields; each field is kept, replaced by a hostile value or left out; extra fields may join.</summary>
    private static Gen<string> Mutated(params (string Name, string Json)[] fields) =>
        Gen.Select(
            Gen.Frequency((3, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2))).Array[fields.Length],
            AnyValue.Array[fields.Length],
            Gen.Select(Gen.OneOf("extra", "isAdmin", "status", "sequence", "bookedBy", "Name", "SLOTID", "idempotencyKey", "\u202Ename").Array[0, 3],
                AnyValue.Array[3], (keys, values) => keys.Select((k, i) => $"\"{k}\":{values[i]}").ToArray()),
            (choices, replacements, extras) =>
            {
                var parts = fields
                    .Select((f, i) => choices[i] switch { 0 => $"\"{f.Name}\":{f.Json}", 1 => $"\"{f.Name}\":{replacements[i]}", _ => null })
                    .Where(p => p is not null)
                    .Concat(extras);
                return $"{{{string.Join(',', parts)}}}";
            });

    private static readonly Gen<string> Garbage = Gen.Frequency(
        (2, Gen.OneOf("", "{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "nul", "\"\"", "{}{}", "\uFEFF{}", "{\"a\":1}\u0000", "<xml/>",
            "{\"slotId\":\"", "a=1&b=2", "[]", "{} trailing")),
        (2, AnyValue),
        (1, HostileString),
        (1, Gen.Int[65_000, 80_000].Select(n => $"{{\"name\":\"{new string('x', n)}\"}}")));

    private static Gen<string> Body(params (string Name, string Json)[] fields) =>
        Gen.Frequency((5, Mutated(fields)), (2, Garbage));

    private static readonly Gen<string?> ContentType = Gen.Frequency<string?>(
        (12, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf<string?>(null, "text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
            "application/problem+json", "multipart/form-data; boundary=x", "application/json; charset=\u00FF", "\u0000", "application/*")));

    // ---- headers and paths ---------------------------------------------------------------------------------------

    private static Gen<(string, string)[]> Headers(Gen<string> token) => Gen.Select(
        Gen.Frequency((3, token.Select(t => new[] { ("X-Booking-Token", t) })), (1, Gen.Const(Array.Empty<(string, string)>()))),
        Gen.Frequency(
            (4, Gen.Const(Array.Empty<(string, string)>())),
            (1, Gen.Select(Gen.OneOf("Idempotency-Key", "Accept-Language", "X-Forwarded-For", "Accept", "X-Booking-Token", "Authorization"),
                HeaderValue, (name, value) => new[] { (name, value) }))),
        (a, b) => a.Concat(b).ToArray());

    /// <summary>Header values that can pass the client: no CR/LF (HttpClient refuses those), but anything else.</summary>
    private static readonly Gen<string> HeaderValue = Gen.Frequency(
        (2, Gen.String),
        (2, Odd.Select(s => s.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))),
        (1, Gen.Int[1_000, 20_000].Select(n => new string('k', n))),
        (1, Gen.OneOf("Bearer x.y.z", "Bearer ", "Basic Zm9vOmJhcg==", "de-DE;q=abc", "::1, 999.1.1.1, garbage", "*/*;q=2")));

    /// <summary>
    /// Path segments. NUL is left out: the test client itself refuses "%00" in a path (Kestrel answers 400 for it;
    /// see <see cref="CrashRecoveryTests"/> for what the real server does with malformed requests).
    /// </summary>
    private static Gen<string> Segment(string real) => Gen.Frequency(
        (3, Gen.Const(real)),
        (1, Gen.Const(real.ToLowerInvariant())),
        (2, HostileString.Select(s => s.Replace("\0", "", StringComparison.Ordinal))
            .Select(s => s.Length == 0 ? "x" : Uri.EscapeDataString(s.Length > 5_000 ? s[..5_000] : s))),
        (1, Gen.OneOf("..", "%2F..%2F", "%C0%AE", "%E2%80%AE", "ZZZZ-ZZZZ", "%F0%9F%98%80", "a%ZZ", "%ED%A0%80")));

    private static readonly Gen<string> QueryValue = Gen.Frequency(
        (3, Gen.OneOf("family", "tr", "de", "2026-12-01", "2026-12-14", "in-person", "phone")),
        (3, HostileString.Select(s => Uri.EscapeDataString(s.Length > 5_000 ? s[..5_000] : s))),
        (1, Gen.OneOf("%", "%zz", "%00", "a&b", "a=b", "%2526", "+", "2026-12-01%00", "%E2%80%AE2026", "%ED%A0%80")));

    private static readonly Gen<string> Query = Gen.Select(
            Gen.OneOf("topic", "language", "from", "to", "mode", "from", "to", "extra", "FROM", "", "topic[]").Array[0, 7],
            QueryValue.Array[7],
            (names, values) => string.Join('&', names.Select((n, i) => $"{n}={values[i]}")));

    // ---- the requests --------------------------------------------------------------------------------------------

    private static Gen<Hostile> Requests(LiveIds ids)
    {
        var slotJson = Gen.OneOf(ids.Slots).Select(s => $"\"{s}\"");
        var booking = Gen.OneOf(ids.Bookings.ToArray());
        var reference = booking.SelectMany(b => Segment(b.Reference).Select(r => (b.Token, Reference: r)));
        Gen<string> Token(string real) => Gen.Frequency((3, Gen.Const(real)), (2, HeaderValue));
        var plain = Array.Empty<(string, string)>();

        var search = Query.Select(q => new Hostile("GET", $"/api/v1/slots?{q}", null, null, plain, false));

        var book = slotJson.SelectMany(slot => Gen.Select(
            Body(("slotId", slot), ("name", "\"Erfundene Testperson\""), ("phone", "\"+49 170 5550100\""), ("email", "\"test@example.invalid\""),
                ("language", "\"tr\""), ("topic", "\"family\""), ("interpreterNeeded", "false"), ("concern", "\"Erfundenes Anliegen\""),
                ("consent", "{\"privacyNoticeVersion\":\"2026-11\",\"accepted\":true}")),
            ContentType, Headers(HeaderValue),
            (body, type, headers) => new Hostile("POST", "/api/v1/bookings", body, type, headers, false)));

        var manage = reference.SelectMany(r => Gen.Select(
            Gen.OneOf("", "/cancel", "/reschedule", "/calendar.ics"),
            Gen.Frequency((1, Body(("reason", "\"Erfundener Grund\""))), (1, slotJson.SelectMany(s => Body(("slotId", s))))),
            ContentType, Headers(Token(r.Token)), Gen.Bool,
            (suffix, body, type, headers, withBody) => suffix is "" or "/calendar.ics"
                ? new Hostile("GET", $"/api/v1/bookings/{r.Reference}{suffix}", null, null, headers, false)
                : new Hostile("POST", $"/api/v1/bookings/{r.Reference}{suffix}", withBody ? body : null, type, headers, false)));

        var signIn = Gen.Select(Body(("username", "\"niemand.erfunden\""), ("password", "\"Falsches-Testpasswort-1\"")), ContentType,
            (body, type) => new Hostile("POST", "/api/v1/auth/token", body, type, plain, false));

        var openCase = Gen.Select(
            Body(("client", "{\"name\":\"Erfundene Person\",\"phone\":\"0203 5550100\",\"dateOfBirth\":\"1985-03-12\"}"), ("topics", "[\"family\"]"),
                ("bookingReference", "null")),
            ContentType, (body, type) => new Hostile("POST", "/api/v1/cases", body, type, plain, true));

        var note = Gen.Select(Segment(ids.CaseId.ToString()), Body(("text", "\"Erfundene Notiz\""), ("supersedes", "null")), ContentType,
            (id, body, type) => new Hostile("POST", $"/api/v1/cases/{id}/notes", body, type, plain, true));

        var hours = Gen.Select(Segment(ids.CounsellorId.ToString()),
            Body(("weekly", "[{\"weekday\":\"monday\",\"from\":\"09:00\",\"to\":\"10:00\",\"slotMinutes\":30,\"mode\":\"phone\",\"capacity\":1}]"),
                ("exceptions", "[{\"date\":\"2026-12-24\",\"closed\":true}]")),
            ContentType, (id, body, type) => new Hostile("PUT", $"/api/v1/counsellors/{id}/hours", body, type, plain, true));

        var client = Gen.Select(Segment(ids.CaseId.ToString()),
            Body(("name", "\"Erfundene Fallperson\""), ("address", "\"Teststraße 1, 47169 Duisburg\""),
                ("relatedPersons", "[{\"relation\":\"child\",\"name\":\"Erfundenes Kind\",\"dateOfBirth\":\"2015-02-01\"}]")),
            ContentType, (id, body, type) => new Hostile("PUT", $"/api/v1/cases/{id}/client", body, type, plain, true));
        // The preview only: a recorded absence would cancel the slots the other requests book.
        var absence = Gen.Select(Segment(ids.CounsellorId.ToString()),
            Body(("from", "\"2026-12-03\""), ("to", "\"2026-12-04\""), ("reason", "\"Erfundener Grund\"")),
            ContentType, (id, body, type) => new Hostile("POST", $"/api/v1/counsellors/{id}/absences?dryRun=true", body, type, plain, true));

        return Gen.Frequency((2, search), (4, book), (4, manage), (1, signIn), (2, openCase), (2, note), (2, hours), (2, client), (1, absence));
    }

    // ---- the database before and after ---------------------------------------------------------------------------

    /// <summary><c>Identities</c>: every sealed client identity in hex; sealing anew always changes it (fresh nonce).</summary>
    private sealed record Snapshot(long Bookings, long Slots, long Cases, long Notes, long Users, long Windows, long BookingSequences, long OpenSlots,
        long AuditSeq, string Identities)
    {
        private const string Sql = """
            SELECT (SELECT COUNT(*) FROM booking), (SELECT COUNT(*) FROM slot), (SELECT COUNT(*) FROM case_file), (SELECT COUNT(*) FROM case_note),
                   (SELECT COUNT(*) FROM app_user), (SELECT COUNT(*) FROM consultation_window), (SELECT COALESCE(SUM(sequence), 0) FROM booking),
                   (SELECT COUNT(*) FROM slot WHERE status = 'open'), (SELECT COALESCE(MAX(seq), 0) FROM audit_entry)
            """;

        private const string IdentitiesSql = "SELECT sealed_identity FROM client ORDER BY id";

        public static Snapshot Take(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            using var reader = command.ExecuteReader();
            reader.Read();
            var counts = Enumerable.Range(0, 9).Select(reader.GetInt64).ToArray();
            reader.Close();
            command.CommandText = IdentitiesSql;
            using var identities = command.ExecuteReader();
            var sealedIdentities = new List<string>();
            while (identities.Read())
            {
                sealedIdentities.Add(Convert.ToHexString((byte[])identities.GetValue(0)));
            }

            return new Snapshot(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8],
                string.Join(',', sealedIdentities));
        }

        /// <summary>Equal apart from audit entries, and every new audit entry is a failed sign-in.</summary>
        public bool Unchanged(Snapshot after, DbConnection connection)
        {
            if (this with { AuditSeq = 0 } != after with { AuditSeq = 0 })
            {
                return false;
            }

            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT COUNT(*) FROM audit_entry
                WHERE seq > @seq AND NOT ((action = 'auth.sign-in' AND outcome LIKE 'failure%') OR action = 'auth.lockout')
                """;
            command.AddParameter("@seq", AuditSeq);
            return (long)command.ExecuteScalar()! == 0;
        }
    }
}
