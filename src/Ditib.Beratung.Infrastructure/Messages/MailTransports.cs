using MailKit.Net.Smtp;
using MimeKit;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>Hands a finished e-mail on: to an SMTP server, or into the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>A short, non-personal description for logs ("smtp", "pickup folder").</summary>
    string Name { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
internal sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public string Name => "smtp";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host, options.Port, options.Security, cancellationToken);
        if (options.User is not null)
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Writes each e-mail as <c>{outbox id}.eml</c> into the pickup folder (the default when no SMTP server is configured),
/// so that a newcomer sees exactly what would go out; a resend overwrites the same file. The files hold names,
/// addresses and manage links in clear: readable by the service's user only, and files older than
/// <c>Beratung:Messages:Email:PickupKeepDays</c> (default 7) are deleted when a message is written, at most once per
/// <see cref="PruneEvery"/> on the clock (listing the folder after every message cost more than writing it).
/// </summary>
internal sealed class PickupFolderMailTransport(string folder, TimeSpan keepFor, IClock clock) : IMailTransport
{
    public static readonly Duration PruneEvery = Duration.FromMinutes(1);

    private readonly Lock pruning = new();
    private Instant? prunedAt;

    public string Name => "pickup folder";

    public static PickupFolderMailTransport From(MessagingOptions options, IClock clock) =>
        new(options.PickupFolder, TimeSpan.FromDays(options.PickupKeepDays), clock);

    public string Folder => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Security.PrivateFiles.CreateFolder(folder);

        var name = (message.MessageId ?? throw new InvalidOperationException("A message needs a Message-ID.")).Split('@')[0];
        var target = Path.Combine(folder, $"{name}.eml");
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await message.WriteToAsync(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
        var now = clock.GetCurrentInstant();
        lock (pruning)
        {
            if (prunedAt is { } last && now - last < PruneEvery)
            {
                return;
            }

            prunedAt = now;
        }

        DeleteOlderThan(now.ToDateTimeUtc() - keepFor);
    }

    private void DeleteOlderThan(DateTime cutoff)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                File.Delete(file);
            }
        }
    }
}
