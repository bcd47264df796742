using Ditib.Beratung.Domain.Common;

namespace Ditib.Beratung.Domain.Counsellors;

public sealed class Counsellor
{
    public Counsellor(Guid id, string displayName, IReadOnlyList<string> languages, IReadOnlyList<string> topics, bool active,
        Guid? userId = null)
    {
        Id = id;
        UserId = userId;
        Change(displayName, languages, topics, active);
    }

    public Guid Id { get; }

    /// <summary>The account the counsellor signs in with; may be linked after the profile was created.</summary>
    public Guid? UserId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public bool Active { get; private set; }

    public void LinkUser(Guid userId) => UserId = userId;

    public void Change(string displayName, IReadOnlyList<string> languages, IReadOnlyList<string> topics, bool active)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainRuleException("A counsellor needs a display name.", "displayName");
        }

        if (languages.Count == 0)
        {
            throw new DomainRuleException("A counsellor speaks at least one language.", "languages");
        }

        if (topics.Count == 0)
        {
            throw new DomainRuleException("A counsellor advises on at least one topic.", "topics");
        }

        DisplayName = displayName.Trim();
        Languages = languages.Distinct(StringComparer.Ordinal).ToList();
        Topics = topics.Distinct(StringComparer.Ordinal).ToList();
        Active = active;
    }
}
