namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the roles: their names, the role switcher (<c>/staff/role</c> and the header), the
/// navigation's role groups and the start pages <c>/staff/admin</c> and <c>/staff/dpo</c>: <c>RoleTexts.resx</c>
/// (German, the neutral language) and <c>RoleTexts.en.resx</c>; pages inject <c>IStringLocalizer&lt;RoleTexts&gt;</c>
/// as <c>R</c>. Every key exists in both languages (a test compares the files).
/// </summary>
public sealed class RoleTexts;
