using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Web.Support;
using Microsoft.Extensions.Configuration;

namespace Ditib.Beratung.Web.Pages;

/// <summary>The privacy notice residents consent to, in every language, with the configured version.</summary>
public sealed class PrivacyModel(PrivacyNotice notice, IConfiguration configuration) : ResidentPageModel
{
    public string Version => notice.Version;

    /// <summary>How long contact data and concern are kept after the appointment (the retention job's setting).</summary>
    public int RetentionDays => configuration.GetValue("Beratung:Retention:BookingContactDays", 30);

    public void OnGet()
    {
    }
}
