using Ditib.Beratung.Web.Pages.Staff.Hours;

namespace Ditib.Beratung.Web.Pages.Staff.Bookings;

/// <summary>The look-up form: what was typed (shown back only in its own field) and what is wrong with it.</summary>
public sealed record FindForm(string? Reference, FormErrors Errors)
{
    /// <summary>As long as a reference may be typed (eight characters with spaces and a dash, generously).</summary>
    public const int MaxLength = 40;
}
