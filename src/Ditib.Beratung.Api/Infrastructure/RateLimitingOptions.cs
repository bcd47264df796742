using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The per-address limits of <see cref="RateLimits"/> (<c>Beratung:RateLimiting</c>): a fixed window for each of the
/// policies <c>booking</c>, <c>manage-link</c> and <c>sign-in</c>; <c>Enabled=false</c> for load tests.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "Beratung:RateLimiting";

    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName(RateLimits.Booking)]
    public FixedWindow Booking { get; set; } = new() { PermitLimit = 10 };

    [ConfigurationKeyName(RateLimits.ManageLink)]
    public FixedWindow ManageLink { get; set; } = new() { PermitLimit = 30 };

    [ConfigurationKeyName(RateLimits.SignIn)]
    public FixedWindow SignIn { get; set; } = new() { PermitLimit = 10 };

    public sealed class FixedWindow
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; } = 60;
    }

    public sealed class Validator : IValidateOptions<RateLimitingOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
        {
            var problems = new SettingProblems(Section);
            foreach (var (policy, window) in new[] { (RateLimits.Booking, options.Booking), (RateLimits.ManageLink, options.ManageLink), (RateLimits.SignIn, options.SignIn) })
            {
                problems
                    .Range($"{policy}:PermitLimit", window.PermitLimit, 1, 100_000)
                    .Range($"{policy}:WindowSeconds", window.WindowSeconds, 1, 24 * 3600);
            }

            return problems.Result;
        }
    }
}
