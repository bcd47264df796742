using System.ComponentModel.DataAnnotations;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// How long a staff session lasts (<c>Beratung:Auth:StaffSession</c>): it ends after <see cref="IdleMinutes"/>
/// without a request and at the latest <see cref="AbsoluteHours"/> after signing in.
/// </summary>
public sealed class StaffSessionOptions
{
    public const string Section = "Beratung:Auth:StaffSession";

    [Range(1, 240)]
    public int IdleMinutes { get; set; } = 30;

    [Range(1, 24)]
    public int AbsoluteHours { get; set; } = 10;

    /// <summary>The session-expiry warning appears this many seconds before the idle end.</summary>
    [Range(0, 3600)]
    public int WarningSeconds { get; set; } = 120;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}
