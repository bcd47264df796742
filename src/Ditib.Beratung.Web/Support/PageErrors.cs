using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Support;

/// <summary>An error shown in the summary at the top of the form; <see cref="FieldId"/> is the id of the field it links to.</summary>
public sealed record PageError(string? FieldId, string Message);

/// <summary>
/// Turns the application's validation and rule failures into field errors in the page's language. The validators'
/// English messages are never shown: each failing property maps to a field of the form and a localised text about it.
/// Texts that ask the resident to call get the centre's phone number as their <c>{0}</c>.
/// </summary>
public sealed class PageErrors(IStringLocalizer<Texts> texts, CentreContact centre)
{
    private static readonly Dictionary<string, (string? Field, string Key)> Properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = ("name", "Error_Name"),
        ["Phone"] = ("phone", "Error_Phone"),
        ["Email"] = ("email", "Error_Email"),
        ["Concern"] = ("concern", "Error_Concern"),
        ["Consent"] = ("consent", "Error_Consent"),
        ["Consent.Accepted"] = ("consent", "Error_Consent"),
        ["Consent.PrivacyNoticeVersion"] = ("consent", "Error_ConsentVersion"),
        ["From"] = ("date", "Error_Date"),
        ["To"] = ("date", "Error_Date"),
        ["Mode"] = ("mode", "Error_Mode"),
        ["Reason"] = ("reason", "Error_Reason"),
        ["SlotId"] = ("slot", "Error_Slot"),
        ["Topic"] = (null, "Error_Choice"),
        ["Language"] = (null, "Error_Choice"),
    };

    /// <summary>Rule failures by the field the domain names (<see cref="DomainRuleException.Field"/>).</summary>
    private static readonly Dictionary<string, (string? Field, string Key)> RuleFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slotId"] = ("slot", "Error_SlotNotBookable"),
        ["topic"] = (null, "Error_TopicNotOffered"),
        ["language"] = ("interpreter", "Error_LanguageNotSpoken"),
    };

    private readonly List<PageError> errors = [];

    public IReadOnlyList<PageError> All => errors;

    public bool Any => errors.Count > 0;

    public string? For(string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public void Add(string? fieldId, string resourceKey)
    {
        var message = texts[resourceKey, Display.Ltr(centre.Phone)].Value;
        if (!errors.Any(e => e.FieldId == fieldId && e.Message == message))
        {
            errors.Add(new PageError(fieldId, message));
        }
    }

    /// <summary>
    /// Adds the failures of a validation. Fields the page does not show (in <paramref name="fieldsShown"/>) are
    /// reported without a link.
    /// </summary>
    public void Add(ValidationException exception, IReadOnlySet<string> fieldsShown)
    {
        foreach (var failure in exception.Errors)
        {
            var (field, key) = Properties.TryGetValue(failure.PropertyName, out var mapped) ? mapped : (null, "Error_Generic");
            Add(field is not null && fieldsShown.Contains(field) ? field : null, key);
        }
    }

    /// <summary>A rule failure; <paramref name="withoutField"/> names the text for rules that name no field (e.g. the cut-off).</summary>
    public void Add(DomainRuleException exception, IReadOnlySet<string> fieldsShown, string withoutField)
    {
        var (field, key) = exception.Field is not null && RuleFields.TryGetValue(exception.Field, out var mapped) ? mapped : (null, withoutField);
        Add(field is not null && fieldsShown.Contains(field) ? field : null, key);
    }
}
