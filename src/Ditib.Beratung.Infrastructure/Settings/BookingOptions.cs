using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>The booking rules (<c>Beratung:Booking</c>): notice before a booking, the cancel cut-off, how far ahead residents search and staff publish.</summary>
public sealed class BookingOptions
{
    public const string Section = "Beratung:Booking";

    public int MinimumNoticeMinutes { get; set; } = 120;

    public int CancelCutoffMinutes { get; set; } = 60;

    public int MaxSearchDays { get; set; } = 62;

    public int MaxPublishDays { get; set; } = 366;

    public sealed class Validator : IValidateOptions<BookingOptions>
    {
        private const int MinutesInAWeek = 7 * 24 * 60;

        public ValidateOptionsResult Validate(string? name, BookingOptions options) => new SettingProblems(Section)
            .Range(nameof(MinimumNoticeMinutes), options.MinimumNoticeMinutes, 0, MinutesInAWeek)
            .Range(nameof(CancelCutoffMinutes), options.CancelCutoffMinutes, 0, MinutesInAWeek)
            .Range(nameof(MaxSearchDays), options.MaxSearchDays, 1, 366)
            .Range(nameof(MaxPublishDays), options.MaxPublishDays, 1, 3 * 366)
            .Result;
    }
}
