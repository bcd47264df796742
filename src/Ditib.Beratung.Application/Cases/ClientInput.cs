using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;
using FluentValidation;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

/// <summary>The client's details as a counsellor enters them, when opening a case or changing the identity.</summary>
public record ClientInput(
    string? Name, string? Phone, string? Email, string? DateOfBirth, string? Address, IReadOnlyList<RelatedPersonInput>? RelatedPersons = null);

/// <summary>A related person: relation (<see cref="Relations"/>), name, optional date of birth.</summary>
public sealed record RelatedPersonInput(string? Relation, string? Name, string? DateOfBirth);

public sealed class ClientInputValidator : AbstractValidator<ClientInput>
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxRelatedPersons = 20;

    private const string PastDateMessage = "The date of birth must be a past date written as yyyy-MM-dd.";

    public ClientInputValidator(CentreSettings settings, IClock clock)
    {
        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        RuleFor(c => c.Name).Name(MaxNameLength);
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.DateOfBirth).Must(d => IsPastBirthDate(d, today)).WithMessage(PastDateMessage);
        RuleFor(c => c.Address).SingleLine(MaxAddressLength);
        RuleFor(c => c.RelatedPersons).Must(p => p is null || p.Count <= MaxRelatedPersons)
            .WithMessage($"At most {MaxRelatedPersons} related persons.");
        RuleForEach(c => c.RelatedPersons).NotNull().ChildRules(person =>
        {
            person.RuleFor(p => p.Relation).NotEmpty().Must(r => r is null || Relations.All.Contains(r))
                .WithMessage($"The relation is one of: {string.Join(", ", Relations.All)}.");
            person.RuleFor(p => p.Name).Name(MaxNameLength);
            person.RuleFor(p => p.DateOfBirth).Must(d => IsPastBirthDate(d, today)).WithMessage(PastDateMessage);
        });
    }

    private static bool IsPastBirthDate(string? date, LocalDate today) =>
        date is null || (Formats.IsBirthDate(date) && Formats.ParseDate(date) <= today);
}
