namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the texts of the data-protection officer's pages (Protokoll, Anfragen, Aufbewahrung, Statistik) and of
/// the access export: <c>DpoTexts.resx</c> (German, the neutral language) and <c>DpoTexts.en.resx</c>. Every key
/// exists in both (a test compares the files).
/// </summary>
public sealed class DpoTexts;
