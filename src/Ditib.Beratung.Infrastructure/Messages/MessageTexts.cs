using System.Globalization;
using System.Text.Json;
using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>
/// The texts of the messages, one embedded file per language (<c>Messages/Texts/{de,tr,ar,en}.json</c>), with dates
/// and times written as on the pages (<see cref="ResidentFormats"/>). A booking in another language gets German, the
/// centre's own language.
/// </summary>
public sealed class MessageTexts
{
    public const string Fallback = "de";

    public static readonly IReadOnlyList<string> Languages = ["de", "tr", "ar", "en"];

    private static readonly Lazy<Dictionary<string, MessageTexts>> All = new(Load);

    private readonly IReadOnlyDictionary<string, string> texts;

    private MessageTexts(string language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        this.texts = texts;
        Culture = ResidentFormats.Culture(language);
    }

    /// <summary>The language the texts are in (the booking's, or the fallback).</summary>
    public string Language { get; }

    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => texts.Keys;

    public static MessageTexts For(string? language) =>
        All.Value.TryGetValue(language ?? Fallback, out var found) ? found : All.Value[Fallback];

    /// <summary>The text under the key with its <c>{placeholders}</c> filled in; unknown placeholders stay as they are.</summary>
    public string this[string key, IReadOnlyDictionary<string, string>? values = null]
    {
        get
        {
            var text = texts.TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"No message text '{key}' for '{Language}'.");
            if (values is not null)
            {
                foreach (var (name, value) in values)
                {
                    text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
                }
            }

            return text;
        }
    }

    /// <summary>The date as the pages write it in this language (<see cref="ResidentFormats"/>).</summary>
    public string Date(LocalDate local) => ResidentFormats.Date(local, Culture);

    public string Time(LocalTime local) => ResidentFormats.Time(local, Culture);

    private static Dictionary<string, MessageTexts> Load()
    {
        var assembly = typeof(MessageTexts).Assembly;
        var result = new Dictionary<string, MessageTexts>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            using var stream = assembly.GetManifestResourceStream($"Ditib.Beratung.Messages.{language}.json")
                ?? throw new InvalidOperationException($"The message texts for '{language}' are not embedded.");
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The message texts for '{language}' are empty.");
            result[language] = new MessageTexts(language, texts);
        }

        return result;
    }
}
