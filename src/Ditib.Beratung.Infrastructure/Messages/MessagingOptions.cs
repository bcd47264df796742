using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>SMTP server settings (<c>Beratung:Messages:Email:Smtp</c>); none configured means the pickup folder.</summary>
public sealed record SmtpOptions(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, TimeSpan Timeout);

/// <summary>
/// Everything the dispatcher needs from configuration (<c>Beratung:PublicBaseUrl</c>, <c>Beratung:Messages</c>),
/// read and checked once at start-up so that a wrong key stops the start, not the first message.
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

    public static MessagingOptions Load(IConfiguration configuration, string dataFolder, bool isDevelopment)
    {
        var section = configuration.GetSection("Beratung:Messages");
        var email = section.GetSection("Email");
        var smtp = email.GetSection("Smtp");

        var baseUrlText = configuration["Beratung:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrlText) && isDevelopment)
        {
            baseUrlText = DevelopmentBaseUrl;
        }

        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(baseUrlText)
            && (!Uri.TryCreate(baseUrlText.TrimEnd('/'), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment)))
        {
            throw new InvalidOperationException("Beratung:PublicBaseUrl must be an absolute http or https address without query, e.g. https://termine.example.org.");
        }

        var fromText = email["From"] ?? "DITIB Beratung Marxloh <beratung@beratung.invalid>";
        if (!MailboxAddress.TryParse(fromText, out var from) || string.IsNullOrEmpty(from.Address) || !from.Address.Contains('@'))
        {
            throw new InvalidOperationException("Beratung:Messages:Email:From must be an e-mail address, e.g. \"DITIB Beratung <beratung@example.org>\".");
        }

        var domain = section["MessageIdDomain"] ?? "beratung.invalid";
        if (domain.Length is 0 or > 100 || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            throw new InvalidOperationException("Beratung:Messages:MessageIdDomain must be a domain name, e.g. beratung.example.org.");
        }

        var host = smtp["Host"];
        SmtpOptions? smtpOptions = null;
        if (!string.IsNullOrWhiteSpace(host))
        {
            var securityText = smtp["Security"] ?? "StartTls";
            if (!Enum.TryParse<SecureSocketOptions>(securityText, ignoreCase: true, out var security) || !Enum.IsDefined(security))
            {
                throw new InvalidOperationException("Beratung:Messages:Email:Smtp:Security must be one of None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect.");
            }

            smtpOptions = new SmtpOptions(host.Trim(), Bounded(smtp, "Port", 587, 1, 65535), security, Blank(smtp["User"]), Blank(smtp["Password"]),
                TimeSpan.FromSeconds(Bounded(smtp, "TimeoutSeconds", 30, 1, 600)));
        }

        var pickup = email["PickupFolder"] ?? "mail-pickup";
        pickup = Path.GetFullPath(Path.IsPathRooted(pickup) ? pickup : Path.Combine(dataFolder, pickup));

        var retryBase = Duration.FromSeconds(Bounded(section, "RetryBaseSeconds", 60, 1, 24 * 3600));
        return new MessagingOptions(
            section.GetValue("DispatcherEnabled", true),
            TimeSpan.FromSeconds(Bounded(section, "DispatchIntervalSeconds", 15, 1, 3600)),
            Bounded(section, "MaxAttempts", 8, 1, 50),
            retryBase,
            Duration.Max(retryBase, Duration.FromHours(6)),
            domain,
            baseUrl,
            from,
            pickup,
            Bounded(email, "PickupKeepDays", 7, 1, 365),
            smtpOptions,
            Blank(section.GetSection("Sms")["Provider"]));
    }

    /// <summary>
    /// What the use cases need: the reminder lead (<c>Beratung:Messages:ReminderLeadHours</c>, default 24) and whether
    /// an SMS provider is named (<c>Beratung:Messages:Sms:Provider</c>).
    /// </summary>
    public static Application.Messages.MessageSettings SettingsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Beratung:Messages");
        return new(Duration.FromHours(Bounded(section, "ReminderLeadHours", 24, 1, 24 * 14)), Blank(section.GetSection("Sms")["Provider"]) is not null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int Bounded(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var value = section.GetValue(key, fallback);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be between {min} and {max}; it is {value}.");
    }
}
