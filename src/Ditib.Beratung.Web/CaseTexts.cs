namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the counsellor's pages (Mein Tag, cases, referrals): <c>CaseTexts.resx</c> (German, the
/// neutral language) and <c>CaseTexts.en.resx</c>. Every key exists in both (a test compares the files).
/// </summary>
public sealed class CaseTexts;
