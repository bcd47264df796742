using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// The one JSON form of everything that is sealed or stored (personal data, identities, referral details, reasons,
/// idempotency answers): web naming and NodaTime's own converters, so an <see cref="Instant"/> is written as ISO text
/// (<c>2026-12-01T09:00:00Z</c>) and read back equal. Without them System.Text.Json writes an Instant as <c>{}</c>
/// and reads it back as 1970-01-01.
/// </summary>
public static class SealedJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Sealed {typeof(T).Name} is empty.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new EarlierEmptyInstantConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>
    /// An optional instant; <c>{}</c>, which versions before the fix wrote for every Instant, reads as unknown (null)
    /// rather than 1970 or an error, since the value itself was never stored.
    /// </summary>
    private sealed class EarlierEmptyInstantConverter : JsonConverter<Instant?>
    {
        public override bool HandleNull => true;

        public override Instant? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.StartObject:
                    reader.Skip();
                    return null;
                default:
                    return NodaConverters.InstantConverter.Read(ref reader, typeof(Instant), options);
            }
        }

        public override void Write(Utf8JsonWriter writer, Instant? value, JsonSerializerOptions options)
        {
            if (value is { } instant)
            {
                NodaConverters.InstantConverter.Write(writer, instant, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
