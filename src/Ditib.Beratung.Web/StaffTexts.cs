namespace Ditib.Beratung.Web;

/// <summary>
/// Marker for the staff workspace's texts: <c>StaffTexts.resx</c> (German, the neutral language) and
/// <c>StaffTexts.en.resx</c>; pages inject <c>IStringLocalizer&lt;StaffTexts&gt;</c> (as <c>S</c> in
/// <c>Pages/Staff</c>). Every key exists in both languages (a test compares the files). Keys start with <c>Staff</c>.
/// </summary>
public sealed class StaffTexts;
