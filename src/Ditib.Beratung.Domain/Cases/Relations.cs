namespace Ditib.Beratung.Domain.Cases;

/// <summary>How a related person recorded with the client's identity is related to her: the codes on the wire.</summary>
public static class Relations
{
    public const string Spouse = "spouse";
    public const string Child = "child";
    public const string Parent = "parent";
    public const string Sibling = "sibling";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Spouse, Child, Parent, Sibling, Other];
}
