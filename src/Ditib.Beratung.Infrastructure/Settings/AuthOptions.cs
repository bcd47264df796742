using Ditib.Beratung.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// Staff sign-in (<c>Beratung:Auth</c>): the key that signs access tokens and their lifetime, the lockouts after
/// failed attempts, and the second factor. (<c>Beratung:Auth:StaffSession</c> belongs to the staff pages.)
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Beratung:Auth";

    /// <summary>Base64 of at least 32 bytes; a secret, never logged. None: generated in Development, refused elsewhere.</summary>
    public string? SigningKey { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 480;

    public int LockoutAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int AccountLockoutAttempts { get; set; } = 100;

    public int AccountLockoutHours { get; set; } = 24;

    public TwoFactorOptions TwoFactor { get; set; } = new();

    public sealed class TwoFactorOptions
    {
        public bool Required { get; set; } = true;

        /// <summary>The name authenticator apps show; blank means the default.</summary>
        public string? Issuer { get; set; } = "DITIB Beratung";
    }

    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            var problems = new SettingProblems(Section)
                .Range(nameof(TokenLifetimeMinutes), options.TokenLifetimeMinutes, 5, 24 * 60)
                .Range(nameof(LockoutAttempts), options.LockoutAttempts, 1, 100)
                .Range(nameof(LockoutMinutes), options.LockoutMinutes, 1, 24 * 60)
                .Range(nameof(AccountLockoutAttempts), options.AccountLockoutAttempts, 10, 100)
                .Range(nameof(AccountLockoutHours), options.AccountLockoutHours, 1, 24 * 30);
            return problems
                .Require(options.TwoFactor.Required || environment.IsDevelopment(), $"{problems.Key("TwoFactor:Required")} may be false only in Development.")
                .Add(TokenSigningKey.Problem(options.SigningKey, environment.IsDevelopment()))
                .Result;
        }
    }
}
