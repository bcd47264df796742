namespace Ditib.Beratung.Web.Pages.Staff.Hours;

/// <summary>An error in the summary above a form; <see cref="FieldId"/> is the id of the field it links to, if any.</summary>
public sealed record FormError(string? FieldId, string Message);

/// <summary>The errors of one form of the hours and absence pages, already in the page's language.</summary>
public sealed class FormErrors
{
    private readonly List<FormError> errors = [];

    public IReadOnlyList<FormError> All => errors;

    public bool Any => errors.Count > 0;

    public string? For(string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public void Add((string? FieldId, string Message) error) => Add(error.FieldId, error.Message);

    public void Add(string? fieldId, string message)
    {
        if (!errors.Contains(new FormError(fieldId, message)))
        {
            errors.Add(new FormError(fieldId, message));
        }
    }
}
