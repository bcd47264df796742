using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>
/// The DPO pages' errors: a request's validation failures become field errors in the page's language (the
/// validators' English messages are never shown), an unknown case code an error on the code field.
/// </summary>
public sealed class DpoErrors(IStringLocalizer<DpoTexts> texts)
{
    private static readonly Dictionary<string, (string Field, string Key)> Properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CaseCode"] = ("code", "Dpo_Error_Code"),
        ["Reason"] = ("reason", "Dpo_Error_Reason"),
        ["From"] = ("from", "Dpo_Error_From"),
        ["To"] = ("to", "Dpo_Error_To"),
        ["SubjectType"] = ("subjectType", "Dpo_Error_Filter"),
        ["SubjectId"] = ("subjectId", "Dpo_Error_Filter"),
        ["Actor"] = ("actor", "Dpo_Error_Filter"),
        ["Action"] = ("action", "Dpo_Error_Filter"),
        ["NotedSeq"] = ("seq", "Dpo_Error_Seq"),
        ["NotedHash"] = ("hash", "Dpo_Error_Hash"),
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

    /// <summary>Sends a request; a validation failure or an unknown case becomes page errors and the default result.</summary>
    public async Task<(T? Result, int Status)> TryAsync<T>(Func<Task<T>> send)
    {
        try
        {
            return (await send(), StatusCodes.Status200OK);
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                var (field, key) = Properties.TryGetValue(failure.PropertyName, out var mapped) ? mapped : ((string?)null, "Dpo_Error_Generic")!;
                Add(field, key);
            }

            return (default, StatusCodes.Status400BadRequest);
        }
        catch (NotFoundException)
        {
            Add("code", "Dpo_Error_CaseNotFound");
            return (default, StatusCodes.Status404NotFound);
        }
    }
}
