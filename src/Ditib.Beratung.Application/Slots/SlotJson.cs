using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditib.Beratung.Application.Slots;

/// <summary>
/// The slot search's answer as JSON, generated at build time with the API's web defaults: the page is written
/// straight to the response (the generator's fast path) without reflection-built metadata. The API puts it first in
/// its resolver chain; every other type keeps the reflection-based default.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SlotPage))]
public sealed partial class SlotJson : JsonSerializerContext;
