using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>Replaces a counsellor's weekly template and exceptions. Published slots stay as they are.</summary>
public sealed record SetHours(Guid CounsellorId, IReadOnlyList<WeeklyHoursDto>? Weekly, IReadOnlyList<HoursExceptionDto>? Exceptions)
    : ICommand<HoursDto>;

public sealed class SetHoursValidator : AbstractValidator<SetHours>
{
    public SetHoursValidator()
    {
        RuleFor(h => h.Weekly).NotNull().Must(w => w!.Count <= 100).WithMessage("At most 100 weekly entries.");
        RuleForEach(h => h.Weekly).NotNull().SetValidator(new WeeklyHoursValidator());
        RuleFor(h => h.Exceptions).Must(e => e is null || e.Count <= 400).WithMessage("At most 400 exceptions.");
        RuleForEach(h => h.Exceptions).NotNull().ChildRules(exception =>
        {
            exception.RuleFor(e => e.Date).Date();
            exception.RuleFor(e => e.Hours).Must(h => h is null || h.Count <= 10).WithMessage("At most 10 windows a day.");
            exception.RuleForEach(e => e.Hours).NotNull().SetValidator(new WindowValidator<WindowDto>());
        });
    }

    private sealed class WeeklyHoursValidator : WindowValidator<WeeklyHoursDto>
    {
        public WeeklyHoursValidator() =>
            RuleFor(w => w.Weekday).NotEmpty().Must(d => Formats.TryParseWeekday(d, out _))
                .WithMessage("'{PropertyName}' must be a weekday such as monday.");
    }
}

public sealed class SetHoursHandler(ICounsellorRepository counsellors, ScheduleAccess access, IAuditTrail audit)
    : IRequestHandler<SetHours, HoursDto>
{
    public async Task<HoursDto> Handle(SetHours request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var hours = new ConsultationHours(
            request.Weekly!.Select(w => w.ToDomain()).ToList(),
            (request.Exceptions ?? []).Select(e => e.ToDomain()).ToList());
        await counsellors.ReplaceHoursAsync(request.CounsellorId, hours, cancellationToken);
        await audit.RecordAsync(new AuditEvent("counsellor.hours-set", "counsellor", request.CounsellorId.ToString()), cancellationToken);
        return HoursDto.From(hours);
    }
}

public sealed record GetHours(Guid CounsellorId) : IRequest<HoursDto>;

public sealed class GetHoursHandler(ICounsellorRepository counsellors, ScheduleAccess access) : IRequestHandler<GetHours, HoursDto>
{
    public async Task<HoursDto> Handle(GetHours request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        return HoursDto.From(await counsellors.GetHoursAsync(request.CounsellorId, cancellationToken));
    }
}
