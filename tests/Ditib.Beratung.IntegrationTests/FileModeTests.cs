using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Security;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Personal data and secrets on disk are for the service's own user only, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Database", "Sqlite")] // the SQLite file's and its WAL's modes
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    private readonly ApiFactory api = new();
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "ditib-beratung-modes", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        api.Dispose();
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void DatabaseFile_ItsWalAndSharedMemory_AreForTheOwnerOnly()
    {
        api.CreateClientAs(Roles.Staff);

        foreach (var path in new[] { api.DatabasePath, api.DatabasePath + "-wal", api.DatabasePath + "-shm" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void DevelopmentKeys_AndTheirNewFolder_AreForTheOwnerOnly()
    {
        var folder = Path.Combine(scratch, "data");
        var configuration = new ConfigurationBuilder().Build();

        TokenSigningKey.Load(configuration, folder, isDevelopment: true, NullLogger.Instance);
        AuditChainKey.Load(configuration, folder, isDevelopment: true, NullLogger.Instance);
        MasterKeyRing.Load(configuration, folder, isDevelopment: true, NullLogger.Instance);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(folder));
        Assert.All(Directory.GetFiles(folder), file => Assert.Equal(OwnerFile, File.GetUnixFileMode(file)));
        Assert.Equal(3, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void PrivateFolder_IsCreated0700_EvenBelowAMissingParent()
    {
        var folder = Path.Combine(scratch, "mail", "mail-pickup");

        PrivateFiles.CreateFolder(folder);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(folder));
    }
}
