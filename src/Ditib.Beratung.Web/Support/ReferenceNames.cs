using System.Globalization;
using Ditib.Beratung.Application.ReferenceData;
using MediatR;

namespace Ditib.Beratung.Web.Support;

/// <summary>Topics and languages (from the same queries as <c>GET /api/v1/topics</c> and <c>/languages</c>), named in the page's language.</summary>
public sealed class ReferenceNames(IMediator mediator)
{
    private IReadOnlyList<ReferenceItemDto>? topics;
    private IReadOnlyList<ReferenceItemDto>? languages;

    public async Task<IReadOnlyList<ReferenceItemDto>> TopicsAsync(CancellationToken cancellationToken) =>
        topics ??= await mediator.Send(new ListTopics(), cancellationToken);

    public async Task<IReadOnlyList<ReferenceItemDto>> LanguagesAsync(CancellationToken cancellationToken) =>
        languages ??= await mediator.Send(new ListLanguages(), cancellationToken);

    public async Task<string?> TopicAsync(string? code, CancellationToken cancellationToken) =>
        Find(await TopicsAsync(cancellationToken), code);

    public async Task<string?> LanguageAsync(string? code, CancellationToken cancellationToken) =>
        Find(await LanguagesAsync(cancellationToken), code);

    /// <summary>The name in the page's language, German where the reference data has none in it.</summary>
    public static string Name(ReferenceItemDto item) =>
        item.Names.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var name) ? name
        : item.Names.TryGetValue(Cultures.Default, out var german) ? german
        : item.Code;

    private static string? Find(IReadOnlyList<ReferenceItemDto> items, string? code) =>
        items.FirstOrDefault(i => i.Code == code) is { } item ? Name(item) : null;
}
