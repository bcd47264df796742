using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// Partners' contact fields (migration 0010): the seeded partners keep them empty, the admin stores and reads them
/// back through the API, and a bad field is a 400 naming it that changes nothing. All contact data is invented.
/// </summary>
public sealed class PartnerTests : IDisposable
{
    private static readonly Guid Caritas = Guid.Parse("01a21000-0000-7000-8000-000000000004");

    private readonly ApiFactory api = new();
    private readonly HttpClient admin;

    public PartnerTests() => admin = api.CreateClientAs(Roles.Admin);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task SeededPartners_KeepEmptyContactFields()
    {
        var all = (await admin.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners"))!;

        Assert.Equal(22, all.Count);
        Assert.All(all, partner =>
        {
            foreach (var field in new[] { "contactPerson", "email", "phone", "street", "postcodeAndCity" })
            {
                Assert.True(partner[field] is null, $"{partner["name"]}: {field} = {partner[field]}");
            }
        });
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM pragma_table_info('partner') WHERE name = 'address'"));
    }

    [Fact]
    public async Task Admin_StoresTheContactFields_AndReadsThemBack_EmptyOnesAsMissing()
    {
        var created = await admin.PostAsJsonAsync("/api/v1/partners", Partner(street: "Erfundene Allee 12", postcodeAndCity: "47000 Beispielhausen"));
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var read = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{id}"))!;
        Assert.Equal("Frau Erfundene Ansprechperson", read["contactPerson"]!.GetValue<string>());
        Assert.Equal("kontakt@beispielhilfe.example.invalid", read["email"]!.GetValue<string>());
        Assert.Equal("0203 5550177", read["phone"]!.GetValue<string>());
        Assert.Equal("Erfundene Allee 12", read["street"]!.GetValue<string>());
        Assert.Equal("47000 Beispielhausen", read["postcodeAndCity"]!.GetValue<string>());
        Assert.False(read["retired"]!.GetValue<bool>());

        var changed = await admin.PutAsJsonAsync($"/api/v1/partners/{id}", Partner(street: "  ", postcodeAndCity: "") with { TakesReferrals = false });
        await Scenario.EnsureAsync(changed, HttpStatusCode.OK);
        var after = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/partners/{id}"))!;
        Assert.Null(after["street"]);
        Assert.Null(after["postcodeAndCity"]);
        Assert.False(after["takesReferrals"]!.GetValue<bool>());
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM partner WHERE id = '{id}' AND street IS NULL AND postcode_and_city IS NULL"));
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "street", "Erfundene Allee 12\nIhr Konto wird gesperrt", "Street" },
        { "postcodeAndCity", "47000\tBeispielhausen", "PostcodeAndCity" },
        { "postcodeAndCity", new string('7', 101), "PostcodeAndCity" },
        { "street", new string('S', 201), "Street" },
        { "contactPerson", "Frau\u202EErfunden", "ContactPerson" },
        { "email", "kein-at-zeichen.example.invalid", "Email" },
        { "email", "a\u0007b@example.invalid", "Email" },
        { "phone", "0203 ruf-mich-an", "Phone" },
        { "phone", "0203 5550177 0203 5550177 0203 55", "Phone" },
        { "name", "", "Name" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task SavePartner_WithABadField_Returns400NamingIt_AndChangesNothing(string field, string value, string expected)
    {
        var before = await admin.GetStringAsync($"/api/v1/partners/{Caritas}");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Partner("Caritas Duisburg"), Scenario.Json))!.AsObject();
        body[field] = value;

        var response = await admin.PutAsJsonAsync($"/api/v1/partners/{Caritas}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey(expected), $"no error for {expected}");
        Assert.Equal(before, await admin.GetStringAsync($"/api/v1/partners/{Caritas}"));
    }

    [Trait("Database", "Sqlite")] // replays SQLite migration 0010
    [Fact]
    public async Task Migration0010_MovesAnAddressEnteredBefore_ToTheStreetLine()
    {
        var path = Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "before-0010.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(DatabaseMigrator.ScriptPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var script in scripts.TakeWhile(n => string.CompareOrdinal(n, DatabaseMigrator.ScriptPrefix + "0010") < 0))
        {
            Execute(connection, Read(script));
        }

        Execute(connection, $"UPDATE partner SET address = 'Erfundene Allee 12, 47000 Beispielhausen' WHERE id = '{Caritas}'");
        Execute(connection, Read(scripts.Single(n => n.StartsWith(DatabaseMigrator.ScriptPrefix + "0010_", StringComparison.Ordinal))));

        using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM partner WHERE street IS NOT NULL OR postcode_and_city IS NOT NULL";
        Assert.Equal(1L, query.ExecuteScalar());
        query.CommandText = $"SELECT street FROM partner WHERE id = '{Caritas}'";
        Assert.Equal("Erfundene Allee 12, 47000 Beispielhausen", query.ExecuteScalar());
    }

    private static PartnerBody Partner(string name = "Testverein Beispielhilfe e.V.", string? street = null, string? postcodeAndCity = null) =>
        new(name, "welfare-association", ["family", "social-benefits"], "Frau Erfundene Ansprechperson", "kontakt@beispielhilfe.example.invalid",
            "0203 5550177", street, postcodeAndCity, TakesReferrals: true, Retired: false);

    private sealed record PartnerBody(
        string Name, string Kind, string[] Topics, string? ContactPerson, string? Email, string? Phone, string? Street, string? PostcodeAndCity,
        bool TakesReferrals, bool Retired);

    private static string Read(string resource)
    {
        using var reader = new StreamReader(typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
