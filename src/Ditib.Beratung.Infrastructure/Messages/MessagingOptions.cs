using Ditib.Beratung.Infrastructure.Settings;
using MailKit.Security;
using MimeKit;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>SMTP server settings (<c>Beratung:Messages:Email:Smtp</c>); none configured means the pickup folder.</summary>
public sealed record SmtpOptions(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, TimeSpan Timeout);

/// <summary>
/// Everything the dispatcher needs from configuration (<c>Beratung:PublicBaseUrl</c>, <c>Beratung:Messages</c>),
/// taken from the options checked at start-up, so that a wrong key stops the start, not the first message.
/// </summary>
public sealed record MessagingOptions(
    bool DispatcherEnabled,
    TimeSpan DispatchInterval,
    int MaxAttempts,
    Duration RetryBase,
    Duration RetryMax,
    string MessageIdDomain,
    Uri? PublicBaseUrl,
    MailboxAddress From,
    string PickupFolder,
    int PickupKeepDays,
    SmtpOptions? Smtp,
    string? SmsProvider)
{
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    /// <summary>Waits 1, 2, 4, 8 ... times the base after the first, second, third ... failed attempt, at most <see cref="RetryMax"/>.</summary>
    public Duration RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = Duration.FromSeconds(RetryBase.TotalSeconds * factor);
        return delay > RetryMax ? RetryMax : delay;
    }

    /// <summary>
    /// The dispatcher's view of <c>Beratung:Messages</c> and <c>Beratung:PublicBaseUrl</c>, both checked at start-up
    /// by their validators; in Development a missing public address is <see cref="DevelopmentBaseUrl"/>.
    /// </summary>
    public static MessagingOptions Create(MessagesOptions options, string? publicBaseUrl, string dataFolder, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl) && isDevelopment)
        {
            publicBaseUrl = DevelopmentBaseUrl;
        }

        var smtp = options.Email.Smtp;
        var smtpOptions = string.IsNullOrWhiteSpace(smtp.Host)
            ? null
            : new SmtpOptions(smtp.Host.Trim(), smtp.Port, MessagesOptions.SmtpSecurity(smtp.Security)!.Value, Blank(smtp.User), Blank(smtp.Password),
                TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        var pickup = options.Email.PickupFolder;
        var retryBase = Duration.FromSeconds(options.RetryBaseSeconds);
        return new MessagingOptions(
            options.DispatcherEnabled,
            TimeSpan.FromSeconds(options.DispatchIntervalSeconds),
            options.MaxAttempts,
            retryBase,
            Duration.Max(retryBase, Duration.FromHours(6)),
            options.MessageIdDomain,
            string.IsNullOrWhiteSpace(publicBaseUrl) ? null : BeratungOptionsValidator.PublicBaseUrl(publicBaseUrl),
            MailboxAddress.Parse(options.Email.From),
            Path.GetFullPath(Path.IsPathRooted(pickup) ? pickup : Path.Combine(dataFolder, pickup)),
            options.Email.PickupKeepDays,
            smtpOptions,
            Blank(options.Sms.Provider));
    }

    /// <summary>
    /// What the use cases need: the reminder lead (<c>Beratung:Messages:ReminderLeadHours</c>, default 24) and whether
    /// an SMS provider is named (<c>Beratung:Messages:Sms:Provider</c>).
    /// </summary>
    public static Application.Messages.MessageSettings SettingsFrom(MessagesOptions options) =>
        new(Duration.FromHours(options.ReminderLeadHours), Blank(options.Sms.Provider) is not null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
