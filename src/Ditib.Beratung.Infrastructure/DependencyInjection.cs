using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Infrastructure.Calendar;
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
            provider.GetRequiredService<IConfiguration>().GetValue("Beratung:Auth:TokenLifetimeMinutes", 480))));
        services.AddSingleton(provider =>
        {
            var auth = provider.GetRequiredService<IConfiguration>().GetSection("Beratung:Auth");
            return new SignInSettings(auth.GetValue("LockoutAttempts", 5), Duration.FromMinutes(auth.GetValue("LockoutMinutes", 15)));
        });
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
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
