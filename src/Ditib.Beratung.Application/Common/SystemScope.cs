namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Marks work done by the system itself (start-up seeding, command-line verbs, background jobs), which acts with
/// every right. It must be entered explicitly: code that merely runs outside an HTTP request is not the system.
/// </summary>
public static class SystemScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Enter()
    {
        Active.Value = true;
        return new Exit();
    }

    private sealed class Exit : IDisposable
    {
        public void Dispose() => Active.Value = false;
    }
}
