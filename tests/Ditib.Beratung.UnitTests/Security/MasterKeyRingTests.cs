using Ditib.Beratung.Infrastructure.Security;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.UnitTests.Security;

public sealed class MasterKeyRingTests : IDisposable
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"beratung-keys-{Guid.NewGuid():N}");
    private readonly ListLogger logger = new();

    public void Dispose()
    {
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    /// <summary>The settings as the host binds them from configuration.</summary>
    private static EncryptionOptions Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection(EncryptionOptions.Section)
            .Get<EncryptionOptions>() ?? new EncryptionOptions();

    private string KeyFile => Path.Combine(dataFolder, MasterKeyRing.DevelopmentKeyFileName);

    [Fact]
    public void Load_WithOneConfiguredKeyAndNoActiveKeyId_MakesItActive()
    {
        var key = TestKeys.NewKey();
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(key)));

        var ring = MasterKeyRing.Load(configuration, dataFolder, isDevelopment: false, logger);

        Assert.Equal("k1", ring.ActiveKeyId);
        Assert.Equal(key, ring.ActiveKey.ToArray());
        Assert.False(Directory.Exists(dataFolder), "No development key file may be written when keys are configured.");
    }

    [Fact]
    public void Load_WithSeveralKeys_UsesActiveKeyIdAndKeepsTheOthers()
    {
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:MasterKeys:1:Id", "k2"),
            ("Beratung:Encryption:MasterKeys:1:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:ActiveKeyId", "k2"));

        var ring = MasterKeyRing.Load(configuration, dataFolder, isDevelopment: true, logger);

        Assert.Equal("k2", ring.ActiveKeyId);
        Assert.True(ring.Contains("k1"));
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Load_WithSeveralKeysAndNoActiveKeyId_ThrowsNamingTheSetting()
    {
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:MasterKeys:1:Id", "k2"),
            ("Beratung:Encryption:MasterKeys:1:Key", Convert.ToBase64String(TestKeys.NewKey())));

        var error = Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(configuration, dataFolder, false, logger));

        Assert.Contains("Beratung__Encryption__ActiveKeyId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithUnknownActiveKeyId_Throws()
    {
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:ActiveKeyId", "k9"));

        var error = Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(configuration, dataFolder, false, logger));

        Assert.Contains("'k9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithDuplicateKeyIds_Throws()
    {
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:MasterKeys:1:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:1:Key", Convert.ToBase64String(TestKeys.NewKey())),
            ("Beratung:Encryption:ActiveKeyId", "k1"));

        Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(configuration, dataFolder, false, logger));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")] // 16 bytes
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")] // 33 bytes
    public void Load_WithKeyThatIsNotBase64Of32Bytes_ThrowsWithoutEchoingIt(string value)
    {
        var configuration = Config(
            ("Beratung:Encryption:MasterKeys:0:Id", "k1"),
            ("Beratung:Encryption:MasterKeys:0:Key", value));

        var error = Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(configuration, dataFolder, true, logger));

        Assert.Contains("Beratung:Encryption:MasterKeys:0:Key", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_WithKeyButNoId_ThrowsNamingTheSetting()
    {
        var configuration = Config(("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(TestKeys.NewKey())));

        var error = Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(configuration, dataFolder, false, logger));

        Assert.Contains("Beratung__Encryption__MasterKeys__0__Id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutsideDevelopmentWithoutKeys_ThrowsNamingTheEnvironmentVariables()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MasterKeyRing.Load(Config(), dataFolder, isDevelopment: false, logger));

        Assert.Contains("Beratung__Encryption__MasterKeys__0__Id", error.Message, StringComparison.Ordinal);
        Assert.Contains("Beratung__Encryption__MasterKeys__0__Key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Beratung__Encryption__ActiveKeyId", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataFolder), "Production must not fall back to a generated key.");
    }

    [Fact]
    public void Problem_OutsideDevelopmentWithoutKeys_NamesTheEnvironmentVariables_InDevelopmentThereIsNone()
    {
        Assert.Contains("Beratung__Encryption__MasterKeys__0__Key", MasterKeyRing.Problem(Config(), isDevelopment: false), StringComparison.Ordinal);
        Assert.Null(MasterKeyRing.Problem(Config(), isDevelopment: true));
        Assert.False(Directory.Exists(dataFolder), "Checking the settings must not write a key file.");
    }

    [Fact]
    public void Problem_WithAMalformedKey_NamesItsSettingWithoutEchoingIt()
    {
        const string malformed = "RXJmdW5kZW5lcyBHZWhlaW1uaXM=";
        var problem = MasterKeyRing.Problem(Config(("Beratung:Encryption:MasterKeys:0:Id", "k1"), ("Beratung:Encryption:MasterKeys:0:Key", malformed)), false);

        Assert.Contains("Beratung:Encryption:MasterKeys:0:Key", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(malformed, problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InDevelopmentWithoutKeys_GeneratesKeyFileOnceAndReusesIt()
    {
        var first = MasterKeyRing.Load(Config(), dataFolder, isDevelopment: true, logger);
        var fileAfterFirst = File.ReadAllText(KeyFile);
        var second = MasterKeyRing.Load(Config(), dataFolder, isDevelopment: true, logger);

        Assert.Equal(fileAfterFirst, File.ReadAllText(KeyFile));
        Assert.StartsWith("dev-", first.ActiveKeyId, StringComparison.Ordinal);
        Assert.Equal(first.ActiveKeyId, second.ActiveKeyId);
        Assert.Equal(first.ActiveKey.ToArray(), second.ActiveKey.ToArray());
        Assert.Equal(MasterKeyRing.KeySize, first.ActiveKey.Length);
        Assert.Single(Directory.GetFiles(dataFolder));
    }

    [Fact]
    public void Load_InDevelopmentWithoutKeys_WarnsWithoutLoggingTheKey()
    {
        var ring = MasterKeyRing.Load(Config(), dataFolder, isDevelopment: true, logger);

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("development only", warning.Message, StringComparison.Ordinal);
        Assert.Contains(KeyFile, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(ring.ActiveKey), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InDevelopmentWithoutKeys_WritesKeyFileReadableByOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only; on Windows the file inherits the data folder's ACL.
        }

        MasterKeyRing.Load(Config(), dataFolder, isDevelopment: true, logger);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
