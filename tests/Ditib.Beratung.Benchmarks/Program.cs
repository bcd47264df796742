using BenchmarkDotNet.Running;
using Ditib.Beratung.Benchmarks.Load;

const string Usage = """
    Usage:
      dotnet run -c Release --project tests/Ditib.Beratung.Benchmarks -- micro [BenchmarkDotNet arguments, e.g. --filter '*']
      dotnet run -c Release --project tests/Ditib.Beratung.Benchmarks -- load [--clients 32] [--seconds 20] [--no-build]
    """;

switch (args)
{
    case ["micro", .. var rest]:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest is [] ? ["--filter", "*"] : rest);
        return 0;
    case ["load", .. var rest]:
        return await LoadRun.RunAsync(LoadOptions.Parse(rest));
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
