namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the partner pages (<c>/staff/admin/partners</c>) and the desk's follow-up list
/// (<c>/staff/follow-up</c>): <c>PartnerTexts.resx</c> (German, the neutral language) and <c>PartnerTexts.en.resx</c>;
/// the pages inject <c>IStringLocalizer&lt;PartnerTexts&gt;</c> as <c>P</c>. Every key exists in both languages (a
/// test compares the files).
/// </summary>
public sealed class PartnerTexts;
