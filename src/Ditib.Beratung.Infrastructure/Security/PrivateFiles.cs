namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Files and folders that hold personal data or secrets (database, its WAL and shared memory, development keys, the
/// mail pickup folder) are for the service's own user only: files 0600, folders 0700, whatever the umask (which only
/// ever narrows a creation mode, so the mode is set again after creating).
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and its missing parents) 0700; a folder that exists already is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Creates an empty file 0600 when it does not exist, and takes group and other rights off one that does.</summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
                });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; its mode is narrowed below like any existing file's.
            }
        }

        Restrict(path);
    }

    /// <summary>Takes group and other rights off an existing file (no-op when it does not exist).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
        }
    }
}
