using System.Globalization;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The counsellor's pages' <see cref="PageErrors"/>: the application's validation, rule and state failures become
/// German (or English) field errors. The validators' own messages are never shown; each property maps to a field.
/// </summary>
public sealed partial class CaseErrors(IStringLocalizer<CaseTexts> texts)
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
        ["Name"] = ("name", "CaseError_ClientName"),
        ["Phone"] = ("phone", "CaseError_Phone"),
        ["Email"] = ("email", "CaseError_Email"),
        ["DateOfBirth"] = ("dateOfBirth", "CaseError_DateOfBirth"),
        ["Address"] = ("address", "CaseError_Address"),
        ["RelatedPersons"] = ("related", "CaseError_RelatedPersons"),
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
                var (field, key) = Properties.TryGetValue(name, out var mapped) ? mapped
                    : RelatedPersonProperty().Match(name) is { Success: true } related ? RelatedPersonField(related)
                    : ((string?)null, "CaseError_Generic")!;
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

    /// <summary>Row <c>i</c> of the related persons (the page sends the named rows first, so the index is the row's): <c>related-i-name</c> and so on.</summary>
    public static string RelatedPersonFieldId(int row, string property) => $"related-{row}-{property}";

    private static (string? Field, string Key) RelatedPersonField(Match match)
    {
        var property = match.Groups["property"].Value;
        var row = int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture);
        return property switch
        {
            "Relation" => (RelatedPersonFieldId(row, "relation"), "CaseError_Relation"),
            "Name" => (RelatedPersonFieldId(row, "name"), "CaseError_RelatedName"),
            "DateOfBirth" => (RelatedPersonFieldId(row, "dateOfBirth"), "CaseError_DateOfBirth"),
            _ => ("related", "CaseError_RelatedPersons"),
        };
    }

    [GeneratedRegex(@"^RelatedPersons\[(?<row>[0-9]{1,3})\](\.(?<property>\w+))?$")]
    private static partial Regex RelatedPersonProperty();
}
