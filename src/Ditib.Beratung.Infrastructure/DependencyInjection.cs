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
using NodaTime;

namespace Ditib.Beratung.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Configuration is read when a service is first resolved, so hosts and tests can override any key.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        TypeHandlers.Register();
        services.AddSingleton(provider => new DatabaseOptions(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("Beratung"),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider => CentreSettingsFrom(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider =>
            new PrivacyNotice(provider.GetRequiredService<IConfiguration>()["Beratung:PrivacyNoticeVersion"] ?? "2026-11"));
        services.AddSingleton<IClock>(SystemClock.Instance);

        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());

        services.AddScoped<IReferenceData, ReferenceDataStore>();
        services.AddScoped<ICounsellorRepository, CounsellorRepository>();
        services.AddScoped<SlotStore>();
        services.AddScoped<ISlotRepository>(provider => provider.GetRequiredService<SlotStore>());
        services.AddScoped<ISlotQueries>(provider => provider.GetRequiredService<SlotStore>());
        services.AddScoped<IBookingRepository, BookingStore>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IUserRepository, UserStore>();
        services.AddScoped<Application.Auth.IStaffSessionStore, StaffSessionStore>();
        services.AddScoped<ICaseRepository, CaseStore>();
        services.AddScoped<IPartnerRepository, PartnerStore>();
        services.AddScoped<IReferralRepository, ReferralStore>();
        services.AddScoped<IPrivacyRepository, PrivacyStore>();
        services.AddSingleton<DatabaseBackup>();
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
        services.AddSingleton<ICalendarRenderer, IcalCalendarRenderer>();

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ICommonPasswords, CommonPasswords>();
        services.AddSingleton(provider => TokenSigningKey.Load(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<TokenSigningKey>()));
        services.AddSingleton(provider => new TokenSettings(Duration.FromMinutes(
            Bounded(provider.GetRequiredService<IConfiguration>(), "Beratung:Auth:TokenLifetimeMinutes", 480, 5, 24 * 60))));
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new SignInSettings(Bounded(configuration, "Beratung:Auth:LockoutAttempts", 5, 1, 100),
                Duration.FromMinutes(Bounded(configuration, "Beratung:Auth:LockoutMinutes", 15, 1, 24 * 60)));
        });
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddMessaging();
        return services;
    }

    /// <summary>
    /// Creates and migrates the database, and loads the encryption and token signing keys, so that missing or wrong
    /// keys stop the start-up instead of the first request.
    /// </summary>
    public static void InitialiseInfrastructure(this IServiceProvider services)
    {
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        services.GetRequiredService<MasterKeyRing>();
        services.GetRequiredService<TokenSigningKey>();
        services.GetRequiredService<TokenSettings>();
        services.GetRequiredService<SignInSettings>();
        services.GetRequiredService<RetentionSettings>();
        services.InitialiseMessaging();
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
