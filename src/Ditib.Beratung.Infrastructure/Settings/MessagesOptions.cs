using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// Messages to residents (<c>Beratung:Messages</c>): the outbox dispatcher's pace and retries, the reminder lead,
/// the sender and where e-mails go (an SMTP server, or without one the pickup folder), and the SMS provider if any.
/// The dispatcher reads them as <see cref="Messages.MessagingOptions"/>.
/// </summary>
public sealed class MessagesOptions
{
    public const string Section = "Beratung:Messages";

    public bool DispatcherEnabled { get; set; } = true;

    public int DispatchIntervalSeconds { get; set; } = 15;

    public int MaxAttempts { get; set; } = 8;

    public int RetryBaseSeconds { get; set; } = 60;

    public int ReminderLeadHours { get; set; } = 24;

    /// <summary>The domain of Message-IDs and calendar UIDs.</summary>
    public string MessageIdDomain { get; set; } = "beratung.invalid";

    public EmailOptions Email { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public sealed class EmailOptions
    {
        public string From { get; set; } = "DITIB Beratung Marxloh <beratung@beratung.invalid>";

        /// <summary>Relative to the data folder unless rooted.</summary>
        public string PickupFolder { get; set; } = "mail-pickup";

        public int PickupKeepDays { get; set; } = 7;

        public SmtpSettings Smtp { get; set; } = new();
    }

    /// <summary>Read only when <see cref="Host"/> is set.</summary>
    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
        public string Security { get; set; } = "StartTls";

        public string? User { get; set; }

        /// <summary>A secret, never logged.</summary>
        public string? Password { get; set; }

        public int TimeoutSeconds { get; set; } = 30;
    }

    public sealed class SmsOptions
    {
        /// <summary>The name of a registered SMS sender; blank means no SMS.</summary>
        public string? Provider { get; set; }
    }

    /// <summary>The SMTP security mode, or null when <see cref="SmtpSettings.Security"/> names none.</summary>
    public static SecureSocketOptions? SmtpSecurity(string? text) =>
        Enum.TryParse<SecureSocketOptions>(text, ignoreCase: true, out var security) && Enum.IsDefined(security)
            ? security
            : null;

    public sealed class Validator : IValidateOptions<MessagesOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagesOptions options)
        {
            var problems = new SettingProblems(Section)
                .Range(nameof(DispatchIntervalSeconds), options.DispatchIntervalSeconds, 1, 3600)
                .Range(nameof(MaxAttempts), options.MaxAttempts, 1, 50)
                .Range(nameof(RetryBaseSeconds), options.RetryBaseSeconds, 1, 24 * 3600)
                .Range(nameof(ReminderLeadHours), options.ReminderLeadHours, 1, 24 * 14)
                .Range("Email:PickupKeepDays", options.Email.PickupKeepDays, 1, 365);
            var domain = options.MessageIdDomain ?? "";
            problems
                .Require(domain.Length is > 0 and <= 100 && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'),
                    $"{problems.Key("MessageIdDomain")} must be a domain name, e.g. beratung.example.org.")
                .Require(MailboxAddress.TryParse(options.Email.From ?? "", out var from) && !string.IsNullOrEmpty(from.Address) && from.Address.Contains('@'),
                    $"{problems.Key("Email:From")} must be an e-mail address, e.g. \"DITIB Beratung <beratung@example.org>\".");
            if (!string.IsNullOrWhiteSpace(options.Email.Smtp.Host))
            {
                problems
                    .Require(SmtpSecurity(options.Email.Smtp.Security) is not null,
                        $"{problems.Key("Email:Smtp:Security")} must be one of None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect.")
                    .Range("Email:Smtp:Port", options.Email.Smtp.Port, 1, 65535)
                    .Range("Email:Smtp:TimeoutSeconds", options.Email.Smtp.TimeoutSeconds, 1, 600);
            }

            return problems.Result;
        }
    }
}
