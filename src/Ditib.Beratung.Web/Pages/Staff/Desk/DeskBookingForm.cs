namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>What the desk types in, as on the resident form plus language and topic; bound from the form only.</summary>
public sealed class DeskBookingForm
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Language { get; set; }

    public string? Topic { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? Concern { get; set; }

    public bool ConsentAccepted { get; set; }

    /// <summary>The version of the privacy notice the page showed; the booking records it with the consent.</summary>
    public string? PrivacyNoticeVersion { get; set; }

    /// <summary>Sending the form twice books once and shows the same answer.</summary>
    public string? IdempotencyKey { get; set; }
}
