using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin;

/// <summary>
/// Turns the failures of the admin's requests into errors linked to the form's fields, in the page's language. The
/// validators' and rules' English messages are never shown: <c>fieldOf</c> maps a property or rule field (lower case,
/// without index; <c>conflict</c> for a conflict) to the id of the field it links to (or none) and a text key.
/// </summary>
public static class AdminErrors
{
    public static void Add(FormErrors errors, IStringLocalizer<AdminTexts> texts, Exception exception,
        Func<string, (string? FieldId, string Key)> fieldOf)
    {
        var properties = exception switch
        {
            ValidationException validation => validation.Errors.Select(e => e.PropertyName).ToList(),
            DomainRuleException rule => [rule.Field ?? ""],
            ConflictException => ["conflict"],
            _ => throw new ArgumentOutOfRangeException(nameof(exception), "Not an expected failure."),
        };
        foreach (var property in properties)
        {
            var (field, key) = fieldOf(property.Split('[', '.')[0].ToLowerInvariant());
            errors.Add(field, texts[key]);
        }
    }

    public static bool IsExpected(Exception exception) => exception is ValidationException or DomainRuleException or ConflictException;
}
