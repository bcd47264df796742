using MediatR;

namespace Ditib.Beratung.Application.ReferenceData;

public sealed record ListTopics : IRequest<IReadOnlyList<ReferenceItemDto>>;

public sealed record ListLanguages : IRequest<IReadOnlyList<ReferenceItemDto>>;

public sealed class ListTopicsHandler(IReferenceData referenceData) : IRequestHandler<ListTopics, IReadOnlyList<ReferenceItemDto>>
{
    public Task<IReadOnlyList<ReferenceItemDto>> Handle(ListTopics request, CancellationToken cancellationToken) =>
        referenceData.TopicsAsync(cancellationToken);
}

public sealed class ListLanguagesHandler(IReferenceData referenceData) : IRequestHandler<ListLanguages, IReadOnlyList<ReferenceItemDto>>
{
    public Task<IReadOnlyList<ReferenceItemDto>> Handle(ListLanguages request, CancellationToken cancellationToken) =>
        referenceData.LanguagesAsync(cancellationToken);
}
