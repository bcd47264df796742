using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>The desk sends a message that could not be delivered again (<c>POST /api/v1/outbox/{id}/retry</c>).</summary>
public sealed class MessageRetryTests : IDisposable
{
    private const string Address = "zustellung.test@example.org";

    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly HttpClient desk;
    private readonly string deskUser;
    private readonly List<JsonObject> slots;

    public MessageRetryTests()
    {
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        api.Settings["Beratung:Messages:MaxAttempts"] = "1";
        (desk, _, deskUser) = api.CreateClientAsAsync(Roles.Staff).GetAwaiter().GetResult();
        (_, slots) = Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin)).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Retry_AFailedMessage_QueuesItAgain_ItIsSent_AndTheStaffMemberIsAudited()
    {
        var (reference, _) = await BookRefusedAsync("2026-12-03T09:00");
        var failed = await FailedMessageAsync();
        smtp.Refuses = _ => false;

        var response = await desk.PostAsync($"/api/v1/outbox/{failed}/retry", null);
        var report = await DispatchAsync(api);

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((reference, "pending"), (body["bookingReference"]!.GetValue<string>(), body["state"]!.GetValue<string>()));
        Assert.Equal(1, report.Sent);
        Assert.Single(smtp.To(Address));
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT COUNT(*) FROM audit_entry WHERE action = 'message.retry' AND actor_name = '{deskUser}' AND outcome = 'success: message {failed}'"));
    }

    [Fact]
    public async Task Retry_ASupersededMessage_Is409_AndStaysFailed()
    {
        var (reference, _) = await BookRefusedAsync("2026-12-03T09:00");
        var failed = await FailedMessageAsync();
        await Scenario.EnsureAsync(await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/reschedule",
            new { slotId = Id(SlotAt(slots, "2026-12-04T09:00")) }), HttpStatusCode.OK);

        var response = await desk.PostAsync($"/api/v1/outbox/{failed}/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM outbox_message WHERE id = '{failed}' AND state = 'failed'"));
    }

    [Fact]
    public async Task Retry_AMessageOfAnErasedBooking_Is410()
    {
        var (reference, _) = await BookRefusedAsync("2026-12-03T09:00");
        var failed = await FailedMessageAsync();
        await Scenario.EraseBookingAsync(api, reference);

        var response = await desk.PostAsync($"/api/v1/outbox/{failed}/retry", null);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Retry_UnknownOrNotFailedOrWithoutTheStaffRole_IsRefused()
    {
        await BookRefusedAsync("2026-12-03T09:00");
        var failed = await FailedMessageAsync();
        var pending = Guid.Parse((string)Scalar("SELECT id FROM outbox_message WHERE kind = 'reminder'"));

        var unknown = await desk.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null);
        var notFailed = await desk.PostAsync($"/api/v1/outbox/{pending}/retry", null);
        var counsellor = await api.CreateClientAs(Roles.Counsellor).PostAsync($"/api/v1/outbox/{failed}/retry", null);
        var dpo = await api.CreateClientAs(Roles.Dpo).PostAsync($"/api/v1/outbox/{failed}/retry", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notFailed.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (counsellor.StatusCode, dpo.StatusCode));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'message.retry'"));
    }

    private async Task<(string Reference, string Token)> BookRefusedAsync(string localStart)
    {
        smtp.Refuses = address => address == Address;
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, localStart)), email: Address, language: "de"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }

    /// <summary>Dispatches once (the server refuses, one attempt allowed): the confirmation is given up on.</summary>
    private async Task<Guid> FailedMessageAsync()
    {
        var report = await DispatchAsync(api);
        Assert.Equal(1, report.Failed);
        return Guid.Parse((string)Scalar("SELECT id FROM outbox_message WHERE state = 'failed'"));
    }

    private object Scalar(string sql)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
