using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Infrastructure.Calendar;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Configuration is read when a service is first resolved, so hosts and tests can override any key.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        TypeHandlers.Register();
        services.AddDatabase();
        services.AddSingleton(provider => CentreSettingsFrom(provider.GetRequiredService<IConfiguration>()));
        services.AddOptions<CentreContact>().BindConfiguration(CentreContact.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CentreContact>, CentreContactValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CentreContact>>().Value);
        services.AddSingleton(provider =>
            new PrivacyNotice(provider.GetRequiredService<IConfiguration>()["Beratung:PrivacyNoticeVersion"] ?? "2026-11"));
        services.AddSingleton<IClock>(SystemClock.Instance);

        services.AddScoped<IReferenceData, ReferenceDataStore>();
        services.AddScoped<ICounsellorRepository, CounsellorRepository>();
        services.AddScoped<SlotStore>();
        services.AddScoped<ISlotRepository>(provider => provider.GetRequiredService<SlotStore>());
        services.AddScoped<ISlotQueries>(provider => provider.GetRequiredService<SlotStore>());
        services.AddScoped<BookingStore>();
        services.AddScoped<IBookingRepository>(provider => provider.GetRequiredService<BookingStore>());
        services.AddScoped<Application.Agenda.IOpenOutcomeQueries, OpenOutcomeQueries>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IUserRepository, UserStore>();
        services.AddScoped<Application.Auth.IStaffSessionStore, StaffSessionStore>();
        services.AddScoped<ICaseRepository, CaseStore>();
        services.AddScoped<IPartnerRepository, PartnerStore>();
        services.AddScoped<IReferralRepository, ReferralStore>();
        services.AddScoped<PrivacyStore>();
        services.AddScoped<IPrivacyRepository>(provider => provider.GetRequiredService<PrivacyStore>());
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<PostgreSqlCopy>();
        services.AddSingleton<SingleInstanceRun>();
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new RetentionSettings(
                configuration.GetValue("Beratung:Retention:Enabled", true),
                Duration.FromDays(Bounded(configuration, "Beratung:Retention:BookingContactDays", 30, 1, 3650)),
                Bounded(configuration, "Beratung:Retention:ClosedCaseYears", 3, 1, 30),
                Duration.FromHours(24),
                Duration.FromHours(Bounded(configuration, "Beratung:Retention:IntervalHours", 24, 1, 24 * 7)));
        });
        services.AddScoped<Application.Statistics.IStatisticsQueries, StatisticsStore>();
        services.AddScoped<AuditStore>();
        services.AddScoped<IAuditTrail>(provider => provider.GetRequiredService<AuditStore>());
        services.AddScoped<IAuditQueries>(provider => provider.GetRequiredService<AuditStore>());

        services.AddSingleton(provider => MasterKeyRing.Load(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<MasterKeyRing>()));
        services.AddScoped<IDataKeyStore, DataKeyStore>();
        services.AddScoped<IEnvelopeCipher, EnvelopeCipher>();
        services.AddScoped(provider => new KeyRotation(
            provider.GetRequiredService<MasterKeyRing>(),
            provider.GetRequiredService<IDataKeyStore>(),
            provider.GetRequiredService<IUnitOfWork>()));
        services.AddSingleton<ISecrets, Secrets>();
        services.AddOptions<Calendar.CalendarOptions>()
            .Configure<IConfiguration, CentreContact>(Calendar.CalendarOptions.Configure)
            .Validate(Calendar.CalendarOptions.IsValid,
                "Calendar files need the centre's e-mail address (Beratung:Centre:Email, or Beratung:Messages:Email:From) and a domain name in Beratung:Messages:MessageIdDomain.")
            .ValidateOnStart();
        services.AddSingleton<ICalendarRenderer, IcalCalendarRenderer>();

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ICommonPasswords, CommonPasswords>();
        services.AddSingleton(provider => TokenSigningKey.Load(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<TokenSigningKey>()));
        services.AddSingleton(provider => AuditChainKey.Load(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AuditChainKey>()));
        services.AddSingleton(provider => new TokenSettings(Duration.FromMinutes(
            Bounded(provider.GetRequiredService<IConfiguration>(), "Beratung:Auth:TokenLifetimeMinutes", 480, 5, 24 * 60))));
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var twoFactorRequired = configuration.GetValue("Beratung:Auth:TwoFactor:Required", true);
            if (!twoFactorRequired && !provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                throw new InvalidOperationException("Beratung:Auth:TwoFactor:Required may be false only in Development.");
            }

            return new SignInSettings(Bounded(configuration, "Beratung:Auth:LockoutAttempts", 5, 1, 100),
                Duration.FromMinutes(Bounded(configuration, "Beratung:Auth:LockoutMinutes", 15, 1, 24 * 60)),
                Bounded(configuration, "Beratung:Auth:AccountLockoutAttempts", 100, 10, 100),
                Duration.FromHours(Bounded(configuration, "Beratung:Auth:AccountLockoutHours", 24, 1, 24 * 30)),
                twoFactorRequired,
                configuration["Beratung:Auth:TwoFactor:Issuer"] is { Length: > 0 } issuer ? issuer : "DITIB Beratung");
        });
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<Application.Auth.IOneTimeCodes, OneTimeCodes>();
        services.AddScoped<Application.Auth.IRecoveryCodeStore, RecoveryCodeStore>();
        services.AddScoped<Application.Auth.ISignInSourceStore, SignInSourceStore>();
        services.AddMessaging();
        return services;
    }

    /// <summary>
    /// Reads every setting and loads the encryption, token signing and audit chain keys first, so that a missing or
    /// invalid key stops the start before any database is created or migrated; then migrates and runs the data steps
    /// that need the keys.
    /// </summary>
    public static void InitialiseInfrastructure(this IServiceProvider services)
    {
        services.GetRequiredService<MasterKeyRing>();
        services.GetRequiredService<TokenSigningKey>();
        services.GetRequiredService<AuditChainKey>();
        services.GetRequiredService<TokenSettings>();
        services.GetRequiredService<SignInSettings>();
        services.GetRequiredService<RetentionSettings>();
        services.GetRequiredService<CentreContact>();
        _ = services.GetRequiredService<IOptions<Calendar.CalendarOptions>>().Value;
        services.InitialiseMessaging();
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        RunStartUpDataSteps(services);
    }

    /// <summary>
    /// Data steps that need the keys, so SQL migrations cannot do them: a keyed entry after an unkeyed audit chain, and
    /// sealing the booking and legal-hold reasons earlier versions stored in clear. Each does nothing when done.
    /// </summary>
    private static void RunStartUpDataSteps(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<AuditStore>().SealEarlierChainAsync(CancellationToken.None).GetAwaiter().GetResult();
            scope.ServiceProvider.GetRequiredService<BookingStore>().SealClearReasonsAsync(CancellationToken.None).GetAwaiter().GetResult();
            scope.ServiceProvider.GetRequiredService<PrivacyStore>().SealClearHoldReasonsAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Bounded(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = configuration.GetValue(key, fallback);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} must be between {min} and {max}; it is {value}.");
    }

    private static CentreSettings CentreSettingsFrom(IConfiguration configuration)
    {
        var zoneId = configuration["Beratung:TimeZone"] ?? "Europe/Berlin";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new InvalidOperationException($"Beratung:TimeZone '{zoneId}' is not an IANA time zone id.");
        var booking = configuration.GetSection("Beratung:Booking");
        return new CentreSettings(
            zone,
            Duration.FromMinutes(booking.GetValue("MinimumNoticeMinutes", 120)),
            Duration.FromMinutes(booking.GetValue("CancelCutoffMinutes", 60)),
            booking.GetValue("MaxSearchDays", 62),
            booking.GetValue("MaxPublishDays", 366));
    }
}
