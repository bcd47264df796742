using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The counsellor's pages' <see cref="PageErrors"/>: the application's validation, rule and state failures become
/// German (or English) field errors. The validators' own messages are never shown; each property maps to a field.
/// </summary>
public sealed class CaseErrors(IStringLocalizer<CaseTexts> texts)
{
    private static readonly Dictionary<string, (string Field, string Key)> Properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Text"] = ("text", "CaseError_NoteText"),
        ["Supersedes"] = ("text", "CaseError_Supersedes"),
        ["CounsellorId"] = ("colleague", "CaseError_Colleague"),
        ["Outcome"] = ("outcome", "CaseError_Generic"),
        ["Code"] = ("code", "CaseError_Code"),
        ["Status"] = ("status", "CaseError_Generic"),
        ["Topic"] = ("topic", "CaseError_Generic"),
        ["Date"] = ("date", "CaseError_Date"),
        ["PartnerId"] = ("partner", "CaseError_Partner"),
        ["Purpose"] = ("purpose", "CaseError_Purpose"),
        ["SharedCategories"] = ("categories", "CaseError_Categories"),
        ["Summary"] = ("summary", "CaseError_Summary"),
        ["LanguageNeeds"] = ("languageNeeds", "CaseError_LanguageNeeds"),
        ["FollowUpOn"] = ("followUpOn", "CaseError_FollowUp"),
        ["consent"] = ("grounds", "CaseError_Grounds"),
        ["consent.method"] = ("grounds", "CaseError_Grounds"),
        ["consent.givenAt"] = ("consentDate", "CaseError_ConsentDate"),
        ["consent.witness"] = ("witness", "CaseError_Witness"),
        ["legalBasis.basis"] = ("basis", "CaseError_Basis"),
        ["legalBasis.reason"] = ("basisReason", "CaseError_BasisReason"),
    };

    private readonly List<PageError> errors = [];

    public IReadOnlyList<PageError> All => errors;

    public bool Any => errors.Count > 0;

    public string? For(string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public void Add(string? fieldId, string resourceKey)
    {
        var message = texts[resourceKey].Value;
        if (!errors.Any(e => e.FieldId == fieldId && e.Message == message))
        {
            errors.Add(new PageError(fieldId, message));
        }
    }

    /// <summary>
    /// Sends a command and turns an expected failure into page errors; returns the HTTP status to answer with (200
    /// when it went through). Not-found, forbidden and gone are left to the page: they are not form errors.
    /// </summary>
    public async Task<int> TryAsync(Func<Task> send, string conflictKey = "CaseError_Conflict", string ruleKey = "CaseError_Rule")
    {
        try
        {
            await send();
            return StatusCodes.Status200OK;
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                var name = failure.PropertyName.StartsWith("SharedCategories", StringComparison.Ordinal) ? "SharedCategories" : failure.PropertyName;
                var (field, key) = Properties.TryGetValue(name, out var mapped) ? mapped : ((string?)null, "CaseError_Generic")!;
                Add(field, key);
            }

            return StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException rule)
        {
            var (field, key) = rule.Field is not null && Properties.TryGetValue(rule.Field, out var mapped) ? mapped : ((string?)null, ruleKey)!;
            Add(field, key);
            return StatusCodes.Status422UnprocessableEntity;
        }
        catch (ConflictException)
        {
            Add(null, conflictKey);
            return StatusCodes.Status409Conflict;
        }
        catch (ForbiddenException)
        {
            Add(null, "CaseError_OwnerOnly");
            return StatusCodes.Status403Forbidden;
        }
    }
}
