using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// When personal data is deleted (<c>Beratung:Retention</c>): a booking's contact details some days after the
/// appointment, a closed case some years after closing, checked every few hours (<c>Enabled=false</c> for tests).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Beratung:Retention";

    public bool Enabled { get; set; } = true;

    public int BookingContactDays { get; set; } = 30;

    public int ClosedCaseYears { get; set; } = 3;

    public int IntervalHours { get; set; } = 24;

    public sealed class Validator : IValidateOptions<RetentionOptions>
    {
        public ValidateOptionsResult Validate(string? name, RetentionOptions options) => new SettingProblems(Section)
            .Range(nameof(BookingContactDays), options.BookingContactDays, 1, 3650)
            .Range(nameof(ClosedCaseYears), options.ClosedCaseYears, 1, 30)
            .Range(nameof(IntervalHours), options.IntervalHours, 1, 24 * 7)
            .Result;
    }
}
