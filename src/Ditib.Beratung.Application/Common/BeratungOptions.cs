namespace Ditib.Beratung.Application.Common;

/// <summary>
/// The settings directly under <c>Beratung</c>: the centre's time zone, the version of the privacy notice residents
/// consent to, and the public address of the residents' pages (the start of every manage link). Checked at start-up.
/// </summary>
public sealed class BeratungOptions
{
    public const string Section = "Beratung";

    /// <summary>An IANA time zone id.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public string PrivacyNoticeVersion { get; set; } = "2026-11";

    /// <summary>An absolute http(s) address without query, e.g. https://termine.example.org; none means links use the request's host.</summary>
    public string? PublicBaseUrl { get; set; }
}
