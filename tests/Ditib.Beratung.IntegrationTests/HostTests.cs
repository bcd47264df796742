using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests;

public sealed class HostTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task EveryRequest_ResolvesExactlyOneHandler()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var requests = typeof(ICommand).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .Select(t => (Type: t, Response: t.GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0]))
            .Where(r => r.Response is not null)
            .ToList();

        Assert.True(requests.Count >= 15, $"only {requests.Count} request types found");
        foreach (var (type, response) in requests)
        {
            var handlers = scope.ServiceProvider.GetServices(typeof(IRequestHandler<,>).MakeGenericType(type, response!)).ToList();
            Assert.True(handlers.Count == 1, $"{type.Name} has {handlers.Count} handlers");
        }
    }

    [Fact]
    public async Task Health_ReportsHealthyWhenMigrated()
    {
        var response = await api.CreateClient().GetAsync("/health");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheResidentsContract()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/topics", "/api/v1/languages", "/api/v1/slots", "/api/v1/bookings", "/api/v1/bookings/{reference}",
                     "/api/v1/bookings/{reference}/cancel", "/api/v1/bookings/{reference}/reschedule", "/api/v1/bookings/{reference}/calendar.ics",
                     "/api/v1/counsellors", "/api/v1/counsellors/{id}/hours", "/api/v1/counsellors/{id}/slots/publish" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task ScalarUi_IsServed()
    {
        var response = await api.CreateClient().GetAsync("/scalar");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsAProblemDetails404_ForTheSignedIn_And401ForOthers()
    {
        var signedIn = await api.CreateClientAs(Roles.Staff).GetAsync("/api/v1/nothing-here");
        var anonymous = await api.CreateClient().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        await Scenario.ProblemAsync(signedIn);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Scenario.ProblemAsync(anonymous);
    }

    public static TheoryData<string, string> MissingOrWrongSettings => new()
    {
        { "Beratung__Encryption__MasterKeys__0__Key", "Beratung:Encryption:MasterKeys:0" },
        { "Beratung__Auth__SigningKey", "Beratung__Auth__SigningKey" },
        { "Beratung__Auth__LockoutAttempts=0", "Beratung:Auth:LockoutAttempts" },
        { "Beratung__Audit__ChainKey", "Beratung__Audit__ChainKey" },
        { "Beratung__Auth__TwoFactor__Required=false", "Beratung:Auth:TwoFactor:Required may be false only in Development" },
        { "Beratung__Centre__Phone", "Beratung:Centre:Phone is required outside Development (Beratung__Centre__Phone)" },
        { "Beratung__Centre__Phone=ruf uns an", "Beratung:Centre:Phone must be a phone number" },
        { "Beratung__Centre__DataProtectionOfficer__Email", "Beratung:Centre:DataProtectionOfficer:Email" },
        { "Beratung__Database__Provider=Oracle", "Beratung:Database:Provider" },
        { "Beratung__Database__Provider=PostgreSQL", "ConnectionStrings:Beratung must hold an Npgsql connection string" },
    };

    [Theory]
    [MemberData(nameof(MissingOrWrongSettings))]
    public async Task Start_OutsideDevelopment_WithoutARequiredSetting_RefusesWithOneLine_BeforeCreatingTheDatabase(string change, string named)
    {
        var folder = Directory.CreateTempSubdirectory("ditib-beratung-start-");
        try
        {
            var database = Path.Combine(folder.FullName, "beratung.db");
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Beratung"] = $"Data Source={database}",
                ["Beratung__Encryption__MasterKeys__0__Id"] = "k1",
                ["Beratung__Encryption__MasterKeys__0__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Beratung__Encryption__ActiveKeyId"] = "k1",
                ["Beratung__Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Beratung__Audit__ChainKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Beratung__Messages__DispatcherEnabled"] = "false",
            };
            foreach (var setting in TestCentre.Environment)
            {
                environment[setting.Key] = setting.Value;
            }

            if (change.Split('=') is [var key, var value])
            {
                environment[key] = value;
            }
            else
            {
                environment.Remove(change);
            }

            var exit = await ApiProgram.RunAsync(environment, "--urls", "http://127.0.0.1:0");

            Assert.NotEqual(0, exit.Code);
            var line = Assert.Single(exit.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("Ditib.Beratung cannot start:", line, StringComparison.Ordinal);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "the database was created before the settings were checked");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WrongMasterKey_GivesAClearError_NotGarbage()
    {
        var client = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        using var wrong = new ApiFactory();
        wrong.UseDatabaseOf(api);
        wrong.Settings["Beratung:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var response = await wrong.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}",
            booked["manageToken"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.Equal("Encrypted data cannot be opened", problem["title"]!.GetValue<string>());
        Assert.DoesNotContain("Erfundene", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
