using BenchmarkDotNet.Running;
using Ditib.Beratung.Benchmarks.Load;

const string Usage = """
    Usage:
      dotnet run -c Release --project tests/Ditib.Beratung.Benchmarks -- micro [BenchmarkDotNet arguments, e.g. --filter '*']
      dotnet run -c Release --project tests/Ditib.Beratung.Benchmarks -- load [--clients 32] [--seconds 20] [--counsellors 50] [--days 90] [--quick] [--no-build]
              [--postgresql "Host=…;Username=…;Database=postgres"] [--instances 1]
      dotnet run -c Release --project tests/Ditib.Beratung.Benchmarks -- soak [--minutes 10] [--clients 8] [--no-build]
    """;

try
{
    switch (args)
    {
        case ["micro", .. var rest]:
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest is [] ? ["--filter", "*"] : rest);
            return 0;
        case ["load", .. var rest]:
            return await LoadRun.RunAsync(LoadOptions.Parse(rest));
        case ["soak", .. var rest]:
            return await SoakRun.RunAsync(SoakOptions.Parse(rest));
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException wrongOption)
{
    Console.Error.WriteLine(wrongOption.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
