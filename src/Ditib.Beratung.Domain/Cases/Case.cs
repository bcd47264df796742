using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// A counselling case (Fall). It carries a pseudonymous code, never the client's name; the client's identity and
/// the notes are sealed under the case's own data key, so erasing that key erases everything of the case.
/// </summary>
public sealed class Case
{
    private readonly HashSet<Guid> sharedWith;

    public Case(Guid id, string code, Guid ownerCounsellorId, IEnumerable<Guid> sharedWith, IReadOnlyList<string> topics, CaseStatus status,
        LocalDate openedOn, LocalDate? closedOn, Guid? bookingId, Guid dataKeyId)
    {
        if (topics.Count == 0)
        {
            throw new DomainRuleException("A case has at least one topic.", "topics");
        }

        Id = id;
        Code = code;
        OwnerCounsellorId = ownerCounsellorId;
        this.sharedWith = [.. sharedWith];
        Topics = topics;
        Status = status;
        OpenedOn = openedOn;
        ClosedOn = closedOn;
        BookingId = bookingId;
        DataKeyId = dataKeyId;
    }

    public Guid Id { get; }

    /// <summary>The pseudonymous code, e.g. <c>F-2026-0042</c>: sequential per year.</summary>
    public string Code { get; }

    /// <summary>The number within the year, read back from the code.</summary>
    public int Sequence => int.Parse(Code.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture);

    public Guid OwnerCounsellorId { get; }

    public IReadOnlyCollection<Guid> SharedWith => sharedWith;

    public IReadOnlyList<string> Topics { get; }

    public CaseStatus Status { get; private set; }

    public LocalDate OpenedOn { get; }

    public LocalDate? ClosedOn { get; private set; }

    public Guid? BookingId { get; }

    public Guid DataKeyId { get; }

    public static string FormatCode(int year, int sequence) => $"F-{year:D4}-{sequence:D4}";

    /// <summary>Only the owning counsellor and those it is shared with read notes and identity.</summary>
    public bool IsReadableBy(Guid counsellorId) => counsellorId == OwnerCounsellorId || sharedWith.Contains(counsellorId);

    public bool IsOwnedBy(Guid counsellorId) => counsellorId == OwnerCounsellorId;

    public void ShareWith(Guid counsellorId)
    {
        if (counsellorId == OwnerCounsellorId)
        {
            throw new DomainRuleException("The case already belongs to this counsellor.", "counsellorId");
        }

        if (!sharedWith.Add(counsellorId))
        {
            throw new ConflictException("The case is already shared with this counsellor.");
        }
    }

    public void Unshare(Guid counsellorId)
    {
        if (!sharedWith.Remove(counsellorId))
        {
            throw new ConflictException("The case is not shared with this counsellor.");
        }
    }

    public void Close(LocalDate today)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new ConflictException("The case is already closed.");
        }

        Status = CaseStatus.Closed;
        ClosedOn = today;
    }

    public void Reopen()
    {
        if (Status == CaseStatus.Open)
        {
            throw new ConflictException("The case is open.");
        }

        Status = CaseStatus.Open;
        ClosedOn = null;
    }

    public void EnsureOpenForNotes()
    {
        if (Status == CaseStatus.Closed)
        {
            throw new ConflictException("The case is closed; reopen it to add a note.");
        }
    }

    public void EnsureOpenForClientChanges()
    {
        if (Status == CaseStatus.Closed)
        {
            throw new ConflictException("The case is closed; reopen it to change the client's details.");
        }
    }
}
