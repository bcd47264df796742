using Ditib.Beratung.Infrastructure.Messages;
using MimeKit;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class PickupFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-pickup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Writing_AMessage_DeletesEmlFilesOlderThanTheKeepPeriod_AndKeepsNewerOnes()
    {
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "0195f5d2-0000-7000-8000-000000000001.eml");
        var recent = Path.Combine(folder, "0195f5d2-0000-7000-8000-000000000002.eml");
        var other = Path.Combine(folder, "notes.txt");
        foreach (var file in new[] { old, recent, other })
        {
            await File.WriteAllTextAsync(file, "Erfundener Inhalt");
        }

        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-8));
        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow.AddDays(-6));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddDays(-30));
        var transport = new PickupFolderMailTransport(folder, TimeSpan.FromDays(7));
        using var message = new MimeMessage { MessageId = "0195f5d2-0000-7000-8000-000000000003@beratung.invalid", Subject = "Test" };
        message.To.Add(MailboxAddress.Parse("testperson@example.invalid"));
        message.Body = new TextPart("plain") { Text = "Erfundener Text" };

        await transport.SendAsync(message, CancellationToken.None);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(Path.Combine(folder, "0195f5d2-0000-7000-8000-000000000003.eml")));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
