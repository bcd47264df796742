using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>Changes a profile; a <c>userId</c> links the counsellor's account (once linked, a link stays until changed).</summary>
public sealed record UpdateCounsellor(
    Guid Id, string? DisplayName, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Topics, bool? Active, Guid? UserId = null)
    : ICommand<CounsellorDto>, ICounsellorFields;

public sealed class UpdateCounsellorValidator : AbstractValidator<UpdateCounsellor>
{
    public UpdateCounsellorValidator(IReferenceData referenceData)
    {
        this.AddCounsellorRules(referenceData);
        RuleFor(c => c.Active).NotNull();
    }
}

public sealed class UpdateCounsellorHandler(ICounsellorRepository counsellors, CounsellorAccounts accounts, IAuditTrail audit)
    : IRequestHandler<UpdateCounsellor, CounsellorDto>
{
    public async Task<CounsellorDto> Handle(UpdateCounsellor request, CancellationToken cancellationToken)
    {
        var counsellor = await counsellors.GetAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Counsellor not found.");
        counsellor.Change(request.DisplayName!, request.Languages!, request.Topics!, request.Active!.Value);
        var relinked = request.UserId is { } userId && userId != counsellor.UserId;
        if (relinked && counsellor.UserId is not null)
        {
            // Moving a profile to another account would hand that account the profile's cases and notes.
            throw new Domain.Common.ConflictException(
                "This profile is already linked to an account; its cases stay with that account. Create a new profile for another account.");
        }

        if (relinked)
        {
            await accounts.EnsureLinkableAsync(request.UserId, cancellationToken);
            counsellor.LinkUser(request.UserId!.Value);
        }

        await counsellors.UpdateAsync(counsellor, cancellationToken);
        await audit.RecordAsync(new AuditEvent("counsellor.update", "counsellor", counsellor.Id.ToString(),
            relinked ? $"success: account {counsellor.UserId} linked" : AuditOutcomes.Success), cancellationToken);
        return CounsellorDto.From(counsellor);
    }
}
