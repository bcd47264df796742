using NodaTime;

namespace Ditib.Beratung.Application.Common;

/// <summary>The centre's scheduling settings (section <c>Beratung:Booking</c> and <c>Beratung:TimeZone</c>).</summary>
public sealed record CentreSettings(
    DateTimeZone Zone,
    Duration MinimumNotice,
    Duration CancelCutoff,
    int MaxSearchDays = 62,
    int MaxPublishDays = 366);
