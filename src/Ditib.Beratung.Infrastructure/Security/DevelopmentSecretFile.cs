using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>Secrets that Development generates into the data folder (master key, token signing key).</summary>
internal static class DevelopmentSecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes the content to a private temporary file (mode 600 from the start) and moves it into place, so a
    /// concurrent start never sees a half-written file and never replaces a secret that data may already use.
    /// Returns false when another process created the file first.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
            }

            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode is narrowed by the umask, never widened; set it exactly anyway.
                File.SetUnixFileMode(temporary, OwnerOnly);
            }

            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void WarnIfShared(string path, ILogger logger)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            logger.LogWarning("The development secret file {Path} is readable by other users; restrict it to mode 600.", path);
        }
    }
}
