using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// Every configuration section the core reads, bound to its options class and checked by its validator when the
/// host starts (<see cref="DependencyInjection.InitialiseInfrastructure"/> checks them before the database is
/// touched), plus the settings records the use cases take, made from those options.
/// </summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddBeratungSettings(this IServiceCollection services)
    {
        services.AddSettings<BeratungOptions, BeratungOptionsValidator>(BeratungOptions.Section);
        services.AddSettings<BookingOptions, BookingOptions.Validator>(BookingOptions.Section);
        services.AddSettings<RetentionOptions, RetentionOptions.Validator>(RetentionOptions.Section);
        services.AddSettings<AuthOptions, AuthOptions.Validator>(AuthOptions.Section);
        services.AddSettings<AuditOptions, AuditOptions.Validator>(AuditOptions.Section);
        services.AddSettings<EncryptionOptions, EncryptionOptions.Validator>(EncryptionOptions.Section);
        services.AddSettings<MessagesOptions, MessagesOptions.Validator>(MessagesOptions.Section);

        services.AddSingleton(provider =>
        {
            var general = provider.GetRequiredService<IOptions<BeratungOptions>>().Value;
            var booking = provider.GetRequiredService<IOptions<BookingOptions>>().Value;
            return new CentreSettings(
                DateTimeZoneProviders.Tzdb[general.TimeZone],
                Duration.FromMinutes(booking.MinimumNoticeMinutes),
                Duration.FromMinutes(booking.CancelCutoffMinutes),
                booking.MaxSearchDays,
                booking.MaxPublishDays);
        });
        services.AddSingleton(provider => new PrivacyNotice(provider.GetRequiredService<IOptions<BeratungOptions>>().Value.PrivacyNoticeVersion));
        services.AddSingleton(provider =>
        {
            var retention = provider.GetRequiredService<IOptions<RetentionOptions>>().Value;
            return new RetentionSettings(
                retention.Enabled,
                Duration.FromDays(retention.BookingContactDays),
                retention.ClosedCaseYears,
                Duration.FromHours(24),
                Duration.FromHours(retention.IntervalHours));
        });
        services.AddSingleton(provider => new TokenSettings(Duration.FromMinutes(provider.GetRequiredService<IOptions<AuthOptions>>().Value.TokenLifetimeMinutes)));
        services.AddSingleton(provider =>
        {
            var auth = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
            return new SignInSettings(
                auth.LockoutAttempts,
                Duration.FromMinutes(auth.LockoutMinutes),
                auth.AccountLockoutAttempts,
                Duration.FromHours(auth.AccountLockoutHours),
                auth.TwoFactor.Required,
                auth.TwoFactor.Issuer is { Length: > 0 } issuer ? issuer : "DITIB Beratung");
        });
        return services;
    }

    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it with <typeparamref name="TValidator"/> at start-up.</summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
