namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the desk's caller pages (<c>/staff/bookings</c>, <c>/staff/bookings/{reference}</c>) and of
/// Nicht zugestellt (<c>/staff/undelivered</c>): <c>CallerTexts.resx</c> (German, the neutral language) and
/// <c>CallerTexts.en.resx</c>; the pages inject <c>IStringLocalizer&lt;CallerTexts&gt;</c> as <c>C</c>. Every key exists
/// in both languages (a test compares the files).
/// </summary>
public sealed class CallerTexts;
