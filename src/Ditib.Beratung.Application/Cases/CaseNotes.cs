using System.Text;
using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

/// <summary>A note as read: <see cref="Redactions"/> says what the scrubber replaced when it was written.</summary>
public sealed record NoteDto(Guid Id, string Author, string CreatedAt, string Text, Guid? Supersedes, IReadOnlyList<Redaction> Redactions);

public sealed record NoteCreatedDto(Guid Id, string Text, IReadOnlyList<Redaction> Redactions);

/// <summary>
/// Writes a note after a conversation. The text is scrubbed first with what the identity knows (contact data, IBANs,
/// identity numbers, the address, birth dates, the names of the client and related persons become placeholders) and
/// the answer says what was replaced, as kinds and counts; then it is sealed. Notes are never edited: a
/// correction names the note it supersedes.
/// </summary>
public sealed record AddNote(string? Text, Guid? Supersedes) : ICommand<NoteCreatedDto>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }
}

public sealed class AddNoteValidator : AbstractValidator<AddNote>
{
    public const int MaxLength = 20_000;

    public AddNoteValidator() => RuleFor(n => n.Text).NotEmpty().PlainText(MaxLength).Must(t => t is null || t.Any(char.IsLetterOrDigit))
        .WithMessage("A note needs text.");
}

public sealed class AddNoteHandler(CaseAccess access, ICaseRepository cases, IEnvelopeCipher cipher, IAuditTrail audit, IClock clock)
    : IRequestHandler<AddNote, NoteCreatedDto>
{
    public async Task<NoteCreatedDto> Handle(AddNote request, CancellationToken cancellationToken)
    {
        var (@case, counsellor) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        @case.EnsureOpenForNotes();
        if (request.Supersedes is { } earlier && !await cases.NoteExistsAsync(@case.Id, earlier, cancellationToken))
        {
            throw new Domain.Common.DomainRuleException("The note to supersede is not a note of this case.", "supersedes");
        }

        var identity = await ClientIdentity.OpenAsync(cipher, cases, @case, cancellationToken);
        var scrubbed = NoteScrubber.Scrub(request.Text!.Trim(), identity.ScrubKnowledge());
        var id = Guid.CreateVersion7();
        var sealedText = await cipher.EncryptAsync(@case.DataKeyId, Encoding.UTF8.GetBytes(scrubbed.Text), NoteContext(@case.Id, id), cancellationToken);
        await cases.AddNoteAsync(new StoredNote(id, @case.Id, counsellor.Id, counsellor.DisplayName, clock.GetCurrentInstant(),
            request.Supersedes, sealedText, scrubbed.Redactions), cancellationToken);
        await audit.RecordAsync(new AuditEvent("case.note-add", "case", @case.Id.ToString()), cancellationToken);
        return new NoteCreatedDto(id, scrubbed.Text, scrubbed.Redactions);
    }

    public static string NoteContext(Guid caseId, Guid noteId) => $"case:{caseId}:note:{noteId}";
}

/// <summary>The case's notes in the order they were written. Every read is audited.</summary>
public sealed record ListNotes(Guid CaseId) : IRequest<IReadOnlyList<NoteDto>>;

public sealed class ListNotesHandler(CaseAccess access, ICaseRepository cases, IEnvelopeCipher cipher, IAuditTrail audit, CentreSettings settings)
    : IRequestHandler<ListNotes, IReadOnlyList<NoteDto>>
{
    public async Task<IReadOnlyList<NoteDto>> Handle(ListNotes request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        var notes = await ReadAllAsync(cases, cipher, @case, settings.Zone, cancellationToken);
        await audit.RecordAsync(new AuditEvent("case.notes-read", "case", @case.Id.ToString(), $"success: {notes.Count} note(s)"), cancellationToken);
        return notes;
    }

    /// <summary>Opens every note of the case, in order. The caller has checked access and audits the read.</summary>
    public static async Task<IReadOnlyList<NoteDto>> ReadAllAsync(
        ICaseRepository cases, IEnvelopeCipher cipher, Case @case, NodaTime.DateTimeZone zone, CancellationToken cancellationToken)
    {
        var stored = await cases.ListNotesAsync(@case.Id, cancellationToken);
        var notes = new List<NoteDto>(stored.Count);
        foreach (var note in stored)
        {
            var text = await cipher.DecryptAsync(@case.DataKeyId, note.SealedText, AddNoteHandler.NoteContext(@case.Id, note.Id), cancellationToken);
            notes.Add(new NoteDto(note.Id, note.Author, Formats.Local(note.CreatedAt, zone), Encoding.UTF8.GetString(text), note.Supersedes, note.Redactions));
        }

        return notes;
    }
}
