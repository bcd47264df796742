using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Domain.Counsellors;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

public sealed record CreateCounsellor(
    string? DisplayName, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Topics, bool? Active, Guid? UserId = null)
    : ICommand<CounsellorDto>, ICounsellorFields;

public sealed class CreateCounsellorValidator : AbstractValidator<CreateCounsellor>
{
    public CreateCounsellorValidator(IReferenceData referenceData) => this.AddCounsellorRules(referenceData);
}

public sealed class CreateCounsellorHandler(ICounsellorRepository counsellors, CounsellorAccounts accounts, IAuditTrail audit)
    : IRequestHandler<CreateCounsellor, CounsellorDto>
{
    public async Task<CounsellorDto> Handle(CreateCounsellor request, CancellationToken cancellationToken)
    {
        await accounts.EnsureLinkableAsync(request.UserId, cancellationToken);
        var counsellor = new Counsellor(Guid.CreateVersion7(), request.DisplayName!, request.Languages!, request.Topics!, request.Active ?? true,
            request.UserId);
        await counsellors.AddAsync(counsellor, cancellationToken);
        await audit.RecordAsync(new AuditEvent("counsellor.create", "counsellor", counsellor.Id.ToString()), cancellationToken);
        return CounsellorDto.From(counsellor);
    }
}
