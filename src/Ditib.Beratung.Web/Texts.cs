namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the pages' texts: <c>Texts.resx</c> (German, the neutral language) and <c>Texts.tr.resx</c>,
/// <c>Texts.ar.resx</c>, <c>Texts.en.resx</c>. Every key exists in every language (a test compares the files).
/// </summary>
public sealed class Texts;
