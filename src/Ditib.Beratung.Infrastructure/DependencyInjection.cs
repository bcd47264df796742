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
using Ditib.Beratung.Infrastructure.Settings;
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
        services.AddBeratungSettings();
        services.AddOptions<CentreContact>().BindConfiguration(CentreContact.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CentreContact>, CentreContactValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CentreContact>>().Value);
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
        services.AddSingleton<ISingleRunLocks>(provider => provider.GetRequiredService<SingleInstanceRun>());
        services.AddScoped<Application.Statistics.IStatisticsQueries, StatisticsStore>();
        services.AddScoped<AuditStore>();
        services.AddScoped<IAuditTrail>(provider => provider.GetRequiredService<AuditStore>());
        services.AddScoped<IAuditQueries>(provider => provider.GetRequiredService<AuditStore>());

        services.AddSingleton(provider => MasterKeyRing.Load(
            provider.GetRequiredService<IOptions<EncryptionOptions>>().Value,
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
            .Configure<IOptions<MessagesOptions>, IOptions<CentreContact>>(Calendar.CalendarOptions.Configure)
            .Validate(Calendar.CalendarOptions.IsValid,
                "Calendar files need the centre's e-mail address (Beratung:Centre:Email, or Beratung:Messages:Email:From) and a domain name in Beratung:Messages:MessageIdDomain.")
            .ValidateOnStart();
        services.AddSingleton<ICalendarRenderer, IcalCalendarRenderer>();

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ICommonPasswords, CommonPasswords>();
        services.AddSingleton(provider => TokenSigningKey.Load(
            provider.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKey,
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<TokenSigningKey>()));
        services.AddSingleton(provider => AuditChainKey.Load(
            provider.GetRequiredService<IOptions<AuditOptions>>().Value.ChainKey,
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AuditChainKey>()));
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<Application.Auth.IOneTimeCodes, OneTimeCodes>();
        services.AddScoped<Application.Auth.IRecoveryCodeStore, RecoveryCodeStore>();
        services.AddScoped<Application.Auth.ISignInSourceStore, SignInSourceStore>();
        services.AddMessaging();
        return services;
    }

    /// <summary>
    /// Checks every setting (all options registered with ValidateOnStart) and loads the encryption, token signing and
    /// audit chain keys first, so that a missing or invalid setting stops the start before any database is created or
    /// migrated; then migrates and runs the data steps that need the keys.
    /// </summary>
    public static void InitialiseInfrastructure(this IServiceProvider services)
    {
        services.GetRequiredService<IStartupValidator>().Validate();
        services.GetRequiredService<MasterKeyRing>();
        services.GetRequiredService<TokenSigningKey>();
        services.GetRequiredService<AuditChainKey>();
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
}
