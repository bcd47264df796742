using Ditib.Beratung.Infrastructure.Messages;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class PickupFolderTests : IDisposable
{
    // The clock's now; the files written by the transport carry the machine's real time, which is later.
    private static readonly DateTime Now = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-pickup-" + Guid.NewGuid().ToString("N"));
    private readonly FakeClock clock = new(Instant.FromDateTimeUtc(Now));

    public PickupFolderTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Writing_AMessage_DeletesEmlFilesOlderThanTheKeepPeriod_AndKeepsNewerOnes()
    {
        var old = File(1, Now.AddDays(-8));
        var recent = File(2, Now.AddDays(-6));
        var other = Path.Combine(folder, "notes.txt");
        await System.IO.File.WriteAllTextAsync(other, "Erfundener Inhalt");
        System.IO.File.SetLastWriteTimeUtc(other, Now.AddDays(-30));
        var transport = new PickupFolderMailTransport(folder, TimeSpan.FromDays(7), clock);

        await transport.SendAsync(Message(3), CancellationToken.None);

        Assert.False(System.IO.File.Exists(old));
        Assert.True(System.IO.File.Exists(recent));
        Assert.True(System.IO.File.Exists(other));
        Assert.True(System.IO.File.Exists(Path.Combine(folder, $"{Id(3)}.eml")));
    }

    [Fact]
    public async Task OldFiles_AreLookedForAtMostOncePerMinuteOnTheClock_NotAfterEveryMessage()
    {
        var transport = new PickupFolderMailTransport(folder, TimeSpan.FromDays(7), clock);
        await transport.SendAsync(Message(1), CancellationToken.None);
        var old = File(2, Now.AddDays(-8));

        clock.Advance(Duration.FromSeconds(59));
        await transport.SendAsync(Message(3), CancellationToken.None);
        var keptWithinTheMinute = System.IO.File.Exists(old);
        clock.Advance(Duration.FromSeconds(1));
        await transport.SendAsync(Message(4), CancellationToken.None);

        Assert.True(keptWithinTheMinute);
        Assert.False(System.IO.File.Exists(old));
        Assert.Equal(3, Directory.GetFiles(folder, "*.eml").Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Id(int n) => $"0195f5d2-0000-7000-8000-{n:000000000000}";

    private string File(int n, DateTime writtenAt)
    {
        var path = Path.Combine(folder, $"{Id(n)}.eml");
        System.IO.File.WriteAllText(path, "Erfundener Inhalt");
        System.IO.File.SetLastWriteTimeUtc(path, writtenAt);
        return path;
    }

    private static MimeMessage Message(int n)
    {
        var message = new MimeMessage { MessageId = $"{Id(n)}@beratung.invalid", Subject = "Test" };
        message.To.Add(MailboxAddress.Parse("testperson@example.invalid"));
        message.Body = new TextPart("plain") { Text = "Erfundener Text" };
        return message;
    }
}
