namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The conflict answers for the database's refusals, on SQLite and PostgreSQL alike: the triggers raise the same
/// words on both (slot_full, slot_not_open, slot_overlap; on PostgreSQL slot_overlap is also the exclusion
/// constraint's name), and the unique keys carry the same names.
/// </summary>
internal static class ConflictMessages
{
    /// <summary>The answer for a refusal whose message or constraint name is <paramref name="text"/>.</summary>
    public static string For(string text)
    {
        if (text.Contains("slot_full", StringComparison.Ordinal))
        {
            return "This slot is fully booked.";
        }

        if (text.Contains("slot_not_open", StringComparison.Ordinal))
        {
            return "This slot has been cancelled.";
        }

        if (text.Contains("slot_overlap", StringComparison.Ordinal))
        {
            return "The slot overlaps another open slot of this counsellor.";
        }

        if (text.Contains("ux_app_user_username", StringComparison.Ordinal))
        {
            return "This user name is already taken.";
        }

        if (text.Contains("counsellor.user_id", StringComparison.Ordinal) || text.Contains("ux_counsellor_user", StringComparison.Ordinal))
        {
            return "This user account is already linked to another counsellor profile.";
        }

        return "The change conflicts with data already stored.";
    }
}
