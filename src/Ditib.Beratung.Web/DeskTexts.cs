namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the desk's pages (Heute, the day list, the walk-in booking, Offen): <c>DeskTexts.resx</c>
/// (German, the neutral language) and <c>DeskTexts.en.resx</c>; the pages inject <c>IStringLocalizer&lt;DeskTexts&gt;</c>
/// as <c>D</c>. Every key exists in both languages (a test compares the files).
/// </summary>
public sealed class DeskTexts;
