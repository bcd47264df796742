using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

public sealed record UpdateCounsellor(Guid Id, string? DisplayName, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Topics, bool? Active)
    : ICommand<CounsellorDto>, ICounsellorFields;

public sealed class UpdateCounsellorValidator : AbstractValidator<UpdateCounsellor>
{
    public UpdateCounsellorValidator(IReferenceData referenceData)
    {
        this.AddCounsellorRules(referenceData);
        RuleFor(c => c.Active).NotNull();
    }
}

public sealed class UpdateCounsellorHandler(ICounsellorRepository counsellors) : IRequestHandler<UpdateCounsellor, CounsellorDto>
{
    public async Task<CounsellorDto> Handle(UpdateCounsellor request, CancellationToken cancellationToken)
    {
        var counsellor = await counsellors.GetAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Counsellor not found.");
        counsellor.Change(request.DisplayName!, request.Languages!, request.Topics!, request.Active!.Value);
        await counsellors.UpdateAsync(counsellor, cancellationToken);
        return CounsellorDto.From(counsellor);
    }
}
