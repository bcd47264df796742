using Ditib.Beratung.Domain.Cases;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

/// <summary>A note as stored: the text sealed under the case's data key, the redaction counts in clear.</summary>
public sealed record StoredNote(Guid Id, Guid CaseId, Guid AuthorCounsellorId, string Author, Instant CreatedAt, Guid? Supersedes,
    byte[] SealedText, IReadOnlyList<Redaction> Redactions);

/// <summary>A line of the case list: no identity, no notes.</summary>
public sealed record CaseSummaryDto(
    Guid Id, string Code, IReadOnlyList<string> Topics, string Status, string OpenedOn, string? ClosedOn, Guid OwnerCounsellorId,
    string Owner, bool IsOwner, IReadOnlyList<Guid> SharedWith);

public sealed record CaseFilter(Guid CounsellorId, string? Status, string? Topic, bool? OwnOnly, Guid? CaseId = null, string? Code = null);

public interface ICaseRepository
{
    /// <summary>The next sequence number of the year's case codes (call inside the write transaction).</summary>
    Task<int> NextSequenceAsync(int year, CancellationToken cancellationToken);

    Task AddAsync(Case @case, Guid clientId, byte[] sealedIdentity, CancellationToken cancellationToken);

    Task<Case?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> ExistsForBookingAsync(Guid bookingId, CancellationToken cancellationToken);

    /// <summary>Stores status, closing date and the counsellors the case is shared with.</summary>
    Task UpdateAsync(Case @case, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseSummaryDto>> ListAsync(CaseFilter filter, CancellationToken cancellationToken);

    Task<byte[]> GetSealedIdentityAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Replaces the sealed identity of the case's client; 410 when it has been erased.</summary>
    Task UpdateSealedIdentityAsync(Guid caseId, byte[] sealedIdentity, CancellationToken cancellationToken);

    Task AddNoteAsync(StoredNote note, CancellationToken cancellationToken);

    Task<bool> NoteExistsAsync(Guid caseId, Guid noteId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredNote>> ListNotesAsync(Guid caseId, CancellationToken cancellationToken);
}
