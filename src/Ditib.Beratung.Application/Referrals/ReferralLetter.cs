namespace Ditib.Beratung.Application.Referrals;

/// <summary>How to reach the client, as far as the client agreed to share it.</summary>
public sealed record LetterContact(string Name, string? Phone, string? Email, string? Address, string? DateOfBirth);

/// <summary>The partner's address block: its name, then the contact person, street and postcode with city where known.</summary>
public sealed record LetterRecipient(string Name, string? ContactPerson, string? Street, string? PostcodeAndCity)
{
    /// <summary>The lines under the name, the empty ones left out.</summary>
    public IReadOnlyList<string> Lines { get; } =
        new[] { ContactPerson, Street, PostcodeAndCity }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList();
}

/// <summary>
/// Everything a referral letter may show. <see cref="Categories"/> decides what it does show: data of a category
/// that is not listed there is never written, even when it is passed in (<see cref="ReferralLetter.OnlyConsented"/>).
/// </summary>
public sealed record LetterContent(
    string CaseCode,
    LetterRecipient Recipient,
    string Purpose,
    NodaTime.LocalDate Date,
    IReadOnlyCollection<string> Categories,
    LetterContact? Contact,
    IReadOnlyList<string>? Topics,
    string? Summary,
    string? LanguageNeeds,
    string Basis,
    string CounsellorName);

/// <summary>The categories of data a letter may share, and the rule that it shares no other.</summary>
public static class ReferralLetter
{
    public const string Contact = "contact", Topics = "topics", Summary = "summary", LanguageNeeds = "languageNeeds";

    public static readonly IReadOnlyList<string> AllCategories = [Contact, Topics, Summary, LanguageNeeds];

    /// <summary>
    /// The content with the data of every category that is not shared removed; an unknown category is refused
    /// (<see cref="ArgumentException"/>), so a renderer given this cannot write what the client did not agree to.
    /// </summary>
    public static LetterContent OnlyConsented(LetterContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(content.Categories);
        var unknown = content.Categories.Where(category => !AllCategories.Contains(category, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown data categories: {string.Join(", ", unknown)}.", nameof(content));
        }

        var shared = content.Categories.ToHashSet(StringComparer.Ordinal);
        return content with
        {
            Categories = AllCategories.Where(shared.Contains).ToList(),
            Contact = shared.Contains(Contact) ? content.Contact : null,
            Topics = shared.Contains(Topics) ? content.Topics : null,
            Summary = shared.Contains(Summary) ? content.Summary : null,
            LanguageNeeds = shared.Contains(LanguageNeeds) ? content.LanguageNeeds : null,
        };
    }
}
