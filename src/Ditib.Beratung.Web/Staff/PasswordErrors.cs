using Ditib.Beratung.Domain.Common;
using FluentValidation;

namespace Ditib.Beratung.Web.Staff;

/// <summary>Which field of a password form a failed change concerns: the current password, or the new one.</summary>
public static class PasswordErrors
{
    public const string Current = "current-password";
    public const string New = "new-password";

    public static string FieldOf(Exception exception) => exception switch
    {
        DomainRuleException { Field: "currentPassword" } => Current,
        ValidationException validation when validation.Errors.All(e => e.PropertyName == "CurrentPassword") => Current,
        _ => New,
    };
}
