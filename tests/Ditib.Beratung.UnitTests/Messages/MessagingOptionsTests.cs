using Ditib.Beratung.Infrastructure.Messages;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class MessagingOptionsTests
{
    private static MessagingOptions Load(bool development = false, params (string Key, string Value)[] settings) =>
        MessagingOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            "/srv/beratung/data", development);

    [Fact]
    public void Defaults_ArePickupFolderUnderTheDataFolder_NoSmtp_NoSmsProvider_AndNoLinkOutsideDevelopment()
    {
        var options = Load();

        Assert.Null(options.Smtp);
        Assert.Equal(Path.GetFullPath("/srv/beratung/data/mail-pickup"), options.PickupFolder);
        Assert.Null(options.SmsProvider);
        Assert.Null(options.PublicBaseUrl);
        Assert.Equal(8, options.MaxAttempts);
        Assert.True(options.DispatcherEnabled);
        Assert.Equal(new Uri(MessagingOptions.DevelopmentBaseUrl), Load(development: true).PublicBaseUrl);
    }

    [Fact]
    public void Smtp_IsReadWithItsSecurityMode()
    {
        var options = Load(false, ("Beratung:Messages:Email:Smtp:Host", "smtp.example.org"), ("Beratung:Messages:Email:Smtp:Port", "465"),
            ("Beratung:Messages:Email:Smtp:Security", "SslOnConnect"), ("Beratung:Messages:Email:Smtp:User", "beratung"));

        Assert.Equal(new SmtpOptions("smtp.example.org", 465, SecureSocketOptions.SslOnConnect, "beratung", null, TimeSpan.FromSeconds(30)), options.Smtp);
    }

    [Theory]
    [InlineData("Beratung:PublicBaseUrl", "termine.example.org")]
    [InlineData("Beratung:PublicBaseUrl", "ftp://termine.example.org")]
    [InlineData("Beratung:PublicBaseUrl", "https://termine.example.org/?a=b")]
    [InlineData("Beratung:Messages:Email:From", "kein-absender")]
    [InlineData("Beratung:Messages:MaxAttempts", "0")]
    [InlineData("Beratung:Messages:MessageIdDomain", "beratung example")]
    public void WrongSettings_StopTheStart(string key, string value) =>
        Assert.Throws<InvalidOperationException>(() => Load(false, (key, value), ("Beratung:Messages:Email:Smtp:Security", "None"),
            ("Beratung:Messages:Email:Smtp:Host", "smtp.example.org")));

    [Fact]
    public void WrongSmtpSecurity_StopsTheStart() =>
        Assert.Throws<InvalidOperationException>(() => Load(false, ("Beratung:Messages:Email:Smtp:Host", "smtp.example.org"),
            ("Beratung:Messages:Email:Smtp:Security", "Sometimes")));

    [Fact]
    public void RetryDelay_DoublesFromTheBase_UpToSixHours()
    {
        var options = Load();

        Assert.Equal(
            [60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600],
            Enumerable.Range(1, 11).Select(attempt => options.RetryDelay(attempt).TotalSeconds));
        Assert.Equal(Duration.FromHours(6), options.RetryDelay(1000));
    }
}
