namespace Ditib.Beratung.Application.ReferenceData;

public sealed record LocalisedNameDto(string De, string Tr, string Ar, string En);

public sealed record ReferenceItemDto(string Code, IReadOnlyDictionary<string, string> Names);

public interface IReferenceData
{
    Task<IReadOnlyList<ReferenceItemDto>> TopicsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReferenceItemDto>> LanguagesAsync(CancellationToken cancellationToken);

    Task<bool> TopicExistsAsync(string code, CancellationToken cancellationToken);

    Task<bool> LanguageExistsAsync(string code, CancellationToken cancellationToken);
}
