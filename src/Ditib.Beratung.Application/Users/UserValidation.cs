using Ditib.Beratung.Domain.Users;
using FluentValidation;

namespace Ditib.Beratung.Application.Users;

internal static class UserValidation
{
    public static IRuleBuilderOptions<T, string?> Username<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Length(3, 64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("'{PropertyName}' has 3 to 64 letters, digits, '.', '_' or '-' and starts with a letter or digit.");

    /// <summary>The password policy; the user name comes from the request where it has one.</summary>
    public static void Password<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> password,
        Func<T, string?> username, ICommonPasswords commonPasswords)
    {
        validator.RuleFor(password).Custom((value, context) =>
        {
            foreach (var problem in PasswordPolicy.Check(value, username(context.InstanceToValidate), commonPasswords.Contains))
            {
                context.AddFailure(problem);
            }
        });
    }

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> Roles<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().Must(roles => roles!.All(Domain.Users.Roles.IsKnown))
            .WithMessage("Roles are chosen from: admin, counsellor, staff, dpo.");
}
