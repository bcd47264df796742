using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

public static partial class MessagingRegistration
{
    /// <summary>The outbox, the dispatcher and its transports. An SMS provider registers an <see cref="ISmsSender"/> here.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton(provider => MessagingOptions.Create(
            provider.GetRequiredService<IOptions<MessagesOptions>>().Value,
            provider.GetRequiredService<IOptions<BeratungOptions>>().Value.PublicBaseUrl,
            provider.GetRequiredService<DatabaseOptions>().DataFolder,
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddSingleton(provider => MessagingOptions.SettingsFrom(provider.GetRequiredService<IOptions<MessagesOptions>>().Value));
        services.AddScoped<OutboxStore>();
        services.AddScoped<IOutbox>(provider => provider.GetRequiredService<OutboxStore>());
        services.AddScoped<IOutboxQueries>(provider => provider.GetRequiredService<OutboxStore>());
        services.AddScoped<IUndeliveredMessages, UndeliveredStore>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<MessagingOptions>() is { Smtp: { } smtp }
            ? new SmtpMailTransport(smtp)
            : PickupFolderMailTransport.From(provider.GetRequiredService<MessagingOptions>(), provider.GetRequiredService<IClock>()));
        services.AddSingleton<OutboxDispatcher>();
        // SMS providers: services.AddSingleton<ISmsSender, YourProviderSmsSender>(); selected by Beratung:Messages:Sms:Provider.
        return services;
    }

    /// <summary>Reads and checks the messaging settings at start-up, and says where messages go (without anything personal).</summary>
    public static void InitialiseMessaging(this IServiceProvider services)
    {
        var options = services.GetRequiredService<MessagingOptions>();
        services.GetRequiredService<MessageSettings>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ditib.Beratung.Messages");
        if (options.SmsProvider is { } provider
            && !services.GetServices<ISmsSender>().Any(s => string.Equals(s.Name, provider, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Beratung:Messages:Sms:Provider names '{provider}', but no SMS sender of that name is registered.");
        }

        if (options.PublicBaseUrl is null)
        {
            LogNoBaseUrl(logger);
        }

        if (options.Smtp is null)
        {
            LogPickup(logger, options.PickupFolder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Beratung:PublicBaseUrl is not set: messages go out without the manage link (residents are asked to call instead)")]
    private static partial void LogNoBaseUrl(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No SMTP server configured (Beratung:Messages:Email:Smtp:Host): e-mails are written to the pickup folder {Folder}, not sent")]
    private static partial void LogPickup(ILogger logger, string folder);
}
