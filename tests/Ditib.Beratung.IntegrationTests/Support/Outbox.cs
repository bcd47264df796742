using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Infrastructure.Messages;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>Helpers for the outbox tests: dispatching at the fake clock's time, reading what went out.</summary>
public static class Outbox
{
    public const string BaseUrl = "https://termine.example.org";

    public static Task<DispatchReport> DispatchAsync(ApiFactory api, CancellationToken cancellationToken = default) =>
        api.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(cancellationToken);

    /// <summary>The calendar file attached to an e-mail, with the METHOD of its MIME part.</summary>
    public static (Ical.Net.Calendar Calendar, string PartMethod) Calendar(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return (Ical.Net.Calendar.Load(Encoding.UTF8.GetString(stream.ToArray()))!, part.ContentType.Parameters["method"] ?? "");
    }

    public static string Text(MimeMessage message) => message.TextBody ?? "";

    /// <summary>The slot starting at a local time like "2026-12-03T09:00".</summary>
    public static JsonObject SlotAt(IEnumerable<JsonObject> slots, string localStart) =>
        slots.First(s => s["start"]!.GetValue<string>().StartsWith(localStart, StringComparison.Ordinal));

    public static Guid Id(JsonObject slot) => slot["id"]!.GetValue<Guid>();

    public static DateTime StartUtc(JsonObject slot) => DateTimeOffset.Parse(slot["start"]!.GetValue<string>(),
        System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
}
