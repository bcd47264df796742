using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>The fields a counsellor is created and changed with.</summary>
public interface ICounsellorFields
{
    string? DisplayName { get; }
    IReadOnlyList<string>? Languages { get; }
    IReadOnlyList<string>? Topics { get; }
}

internal static class CounsellorValidation
{
    public static void AddCounsellorRules<T>(this AbstractValidator<T> validator, IReferenceData referenceData)
        where T : ICounsellorFields
    {
        validator.RuleFor(c => c.DisplayName).Name(100);
        validator.RuleFor(c => c.Languages).NotEmpty().Must(l => l!.Count <= 20).WithMessage("At most 20 languages.");
        validator.RuleForEach(c => c.Languages).NotEmpty().Language(referenceData);
        validator.RuleFor(c => c.Topics).NotEmpty().Must(t => t!.Count <= 20).WithMessage("At most 20 topics.");
        validator.RuleForEach(c => c.Topics).NotEmpty().Topic(referenceData);
    }
}
