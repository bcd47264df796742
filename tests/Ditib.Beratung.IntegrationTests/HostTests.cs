using System.Net;
using System.Net.Http.Json;
using System.Reflection;
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

    [Fact]
    public void Startup_WithoutMasterKeyOutsideDevelopment_Fails()
    {
        using var factory = new ApiFactory();
        factory.Settings.Clear();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Beratung__Encryption", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithoutTokenSigningKeyOutsideDevelopment_Fails()
    {
        using var factory = new ApiFactory();
        factory.Settings.Remove("Beratung:Auth:SigningKey");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Beratung__Auth__SigningKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithoutAuditChainKeyOutsideDevelopment_Fails()
    {
        using var factory = new ApiFactory();
        factory.Settings.Remove("Beratung:Audit:ChainKey");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Beratung__Audit__ChainKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithLockoutSwitchedOff_Fails()
    {
        using var factory = new ApiFactory();
        factory.Settings["Beratung:Auth:LockoutAttempts"] = "0";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Beratung:Auth:LockoutAttempts", Flatten(error), StringComparison.Ordinal);
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

    private static string Flatten(Exception error) =>
        error is AggregateException or TargetInvocationException && error.InnerException is not null
            ? error.Message + Flatten(error.InnerException!)
            : error.Message + (error.InnerException is null ? "" : Flatten(error.InnerException));
}
