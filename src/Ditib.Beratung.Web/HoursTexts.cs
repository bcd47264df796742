namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the hours and absence pages (<c>/staff/hours</c>, <c>/staff/absence</c>):
/// <c>HoursTexts.resx</c> (German, the neutral language) and <c>HoursTexts.en.resx</c>; the pages inject
/// <c>IStringLocalizer&lt;HoursTexts&gt;</c> as <c>H</c>. Every key exists in both languages (a test compares the files).
/// </summary>
public sealed class HoursTexts;
