using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Web.Support;

namespace Ditib.Beratung.Web.Pages;

/// <summary>The privacy notice residents consent to, in every language, with the configured version, contacts and period.</summary>
public sealed class PrivacyModel(PrivacyNotice notice, RetentionSettings retention) : ResidentPageModel
{
    public string Version => notice.Version;

    /// <summary>How long contact data and concern are kept after the appointment (the retention job's setting).</summary>
    public int RetentionDays => retention.BookingContact.Days;

    public void OnGet()
    {
    }
}
