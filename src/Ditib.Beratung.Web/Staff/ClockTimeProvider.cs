using NodaTime;

namespace Ditib.Beratung.Web.Staff;

/// <summary>The application's NodaTime clock as a <see cref="TimeProvider"/>, for the cookie handler's expiry checks.</summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
