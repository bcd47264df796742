namespace Ditib.Beratung.Application.Partners;

public static class PartnerKinds
{
    public static readonly IReadOnlyList<string> All =
        ["public-office", "welfare-association", "round-table", "family-centre", "religious-community", "institute", "association", "school", "business"];
}
