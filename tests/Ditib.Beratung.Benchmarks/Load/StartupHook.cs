// The runtime calls StartupHook.Initialize of each assembly named in DOTNET_STARTUP_HOOKS before the program's Main; the
// type must be named StartupHook and live in no namespace. The soak loads this assembly into the API process this way.
#pragma warning disable CA1050
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize() => Ditib.Beratung.Benchmarks.Load.SoakProbe.Start();
}
