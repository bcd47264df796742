namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the admin's pages (<c>/staff/admin/users</c>, <c>/staff/admin/counsellors</c>,
/// <c>/staff/admin/centre</c>): <c>AdminTexts.resx</c> (German, the neutral language) and <c>AdminTexts.en.resx</c>;
/// the pages inject <c>IStringLocalizer&lt;AdminTexts&gt;</c> as <c>A</c>. Every key exists in both languages (a test
/// compares the files).
/// </summary>
public sealed class AdminTexts;
