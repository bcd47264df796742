using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.Infrastructure.Settings;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class MessagingOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static T Bind<T>(IConfiguration configuration, string section) where T : new() => configuration.GetSection(section).Get<T>() ?? new T();

    private static MessagingOptions Load(bool development = false, params (string Key, string Value)[] settings)
    {
        var configuration = Configuration(settings);
        return MessagingOptions.Create(Bind<MessagesOptions>(configuration, MessagesOptions.Section),
            Bind<BeratungOptions>(configuration, BeratungOptions.Section).PublicBaseUrl, "/srv/beratung/data", development);
    }

    /// <summary>What the start-up check of <c>Beratung</c> and <c>Beratung:Messages</c> says about these settings.</summary>
    private static string Problems(params (string Key, string Value)[] settings)
    {
        var configuration = Configuration(settings);
        return string.Join(" ", new[]
        {
            new MessagesOptions.Validator().Validate(null, Bind<MessagesOptions>(configuration, MessagesOptions.Section)),
            new BeratungOptionsValidator().Validate(null, Bind<BeratungOptions>(configuration, BeratungOptions.Section)),
        }.Where(result => result.Failed).Select(result => result.FailureMessage));
    }

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
    [InlineData("Beratung:Messages:ReminderLeadHours", "0")]
    [InlineData("Beratung:Messages:Email:PickupKeepDays", "366")]
    [InlineData("Beratung:Messages:Email:Smtp:Port", "0")]
    public void WrongSettings_FailTheStartUpCheck_NamingTheKey(string key, string value) =>
        Assert.Contains(key, Problems((key, value), ("Beratung:Messages:Email:Smtp:Security", "None"), ("Beratung:Messages:Email:Smtp:Host", "smtp.example.org")),
            StringComparison.Ordinal);

    [Fact]
    public void Defaults_PassTheStartUpCheck() => Assert.Equal("", Problems());

    [Fact]
    public void WrongSmtpSecurity_FailsTheStartUpCheck() =>
        Assert.Contains("Beratung:Messages:Email:Smtp:Security must be one of", Problems(("Beratung:Messages:Email:Smtp:Host", "smtp.example.org"),
            ("Beratung:Messages:Email:Smtp:Security", "Sometimes")), StringComparison.Ordinal);

    [Fact]
    public void SmtpSettings_WithoutAHost_AreNotChecked() =>
        Assert.Equal("", Problems(("Beratung:Messages:Email:Smtp:Security", "Sometimes"), ("Beratung:Messages:Email:Smtp:Port", "0")));

    [Fact]
    public void SmtpPassword_IsNeverInAProblem()
    {
        var problems = Problems(("Beratung:Messages:Email:Smtp:Host", "smtp.example.org"), ("Beratung:Messages:Email:Smtp:Password", "Erfundenes-Geheimnis-7"),
            ("Beratung:Messages:Email:Smtp:Port", "70000"), ("Beratung:Messages:Email:Smtp:Security", "Sometimes"));

        Assert.Contains("Beratung:Messages:Email:Smtp:Port", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("Erfundenes-Geheimnis-7", problems, StringComparison.Ordinal);
    }

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
