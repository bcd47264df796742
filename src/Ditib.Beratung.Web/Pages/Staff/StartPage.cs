namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// A role's start page (<c>/staff/admin</c>, <c>/staff/dpo</c>) as <c>_StartPage.cshtml</c> shows it: a title, a short
/// introduction and the role's pages, each a link with one sentence about it. Texts are keys of <see cref="RoleTexts"/>;
/// a link's sentence is its key followed by <c>Text</c>.
/// </summary>
public sealed record StartPage(string TitleKey, string IntroKey, IReadOnlyList<StartLink> Links);

public sealed record StartLink(string Path, string Key);
