using Xunit.Abstractions;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// The app for the staff sign-in tests, with a one-minute idle limit and the expiry warning 50 seconds before it, so
/// that a test sees the warning after ten seconds of real time (the server's idle limit follows the fake clock).
/// </summary>
public sealed class StaffFixture : BrowserFixture
{
    public StaffFixture(IMessageSink diagnostics)
        : base(diagnostics)
    {
        App.Settings["Beratung:Auth:StaffSession:IdleMinutes"] = "1";
        App.Settings["Beratung:Auth:StaffSession:WarningSeconds"] = "50";
    }
}
