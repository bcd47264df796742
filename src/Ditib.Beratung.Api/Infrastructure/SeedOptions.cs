namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Whether Development fills an empty database with invented data (<c>Beratung:Seed:DemoData</c>, default true).</summary>
public sealed class SeedOptions
{
    public const string Section = "Beratung:Seed";

    public bool DemoData { get; set; } = true;
}
