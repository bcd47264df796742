namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Who sends the request: a signed-in user, an anonymous resident, or the system itself (start-up seeding,
/// command-line verbs, background jobs), which has every right.
/// </summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    /// <summary>The user name, or "resident" / "system"; it goes into the audit trail, so never a resident's name.</summary>
    string Name { get; }

    bool IsSystem { get; }

    bool IsInRole(string role);
}
