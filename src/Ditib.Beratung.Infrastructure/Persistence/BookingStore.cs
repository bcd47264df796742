using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Bookings. The status reason (a resident's words when she cancels) is sealed here under the booking's data key
/// (context <c>booking:{id}:status-reason</c>) and opened when the booking is loaded; once the booking's personal data
/// is erased, it is gone too.
/// </summary>
internal sealed class BookingStore(DbSession session, IEnvelopeCipher cipher) : IBookingRepository
{
    private const string SelectRecords = """
        SELECT id, reference, slot_id, status, sequence, token_hash, data_key_id, personal_data, language_code, topic_code,
               interpreter_needed, booked_by, privacy_notice_version, consent_at, status_reason_sealed, status_changed_at, created_at,
               manage_token_sealed
        FROM booking
        """;

    public async Task<BookingRecord?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectRecords + " WHERE reference = @reference", new { reference }, cancellationToken);
        return row is null ? null : await RecordAsync(row, cancellationToken);
    }

    public async Task<BookingRecord?> GetByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectRecords + " WHERE id = @id", new { id }, cancellationToken);
        return row is null ? null : await RecordAsync(row, cancellationToken);
    }

    public async Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM booking WHERE reference = @reference)", new { reference }, cancellationToken);
    }

    public async Task AddAsync(BookingRecord record, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO booking (id, reference, slot_id, status, sequence, token_hash, data_key_id, personal_data, language_code,
                                 topic_code, interpreter_needed, booked_by, privacy_notice_version, consent_at, created_at, manage_token_sealed)
            VALUES (@Id, @Reference, @SlotId, @Status, @Sequence, @TokenHash, @DataKeyId, @PersonalData, @Language,
                    @Topic, @InterpreterNeeded, @BookedBy, @PrivacyNoticeVersion, @ConsentAt, @CreatedAt, @SealedManageToken)
            """;
        var booking = record.Booking;
        await session.ExecuteAsync(sql, new
        {
            booking.Id,
            booking.Reference,
            booking.SlotId,
            Status = booking.Status.ToCode(),
            booking.Sequence,
            record.TokenHash,
            record.DataKeyId,
            PersonalData = record.SealedPersonalData,
            record.Language,
            record.Topic,
            record.InterpreterNeeded,
            BookedBy = record.BookedBy.ToString().ToLowerInvariant(),
            record.PrivacyNoticeVersion,
            record.ConsentAt,
            record.CreatedAt,
            record.SealedManageToken,
        }, cancellationToken);
    }

    public async Task UpdateAsync(Booking booking, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE booking SET slot_id = @SlotId, status = @Status, sequence = @Sequence, status_reason = NULL,
                               status_reason_sealed = @SealedReason, status_changed_at = @StatusChangedAt
            WHERE id = @Id
            """;
        var sealedReason = await SealReasonAsync(booking.Id, booking.StatusReason, cancellationToken);
        await session.ExecuteAsync(sql, new
        {
            booking.Id,
            booking.SlotId,
            Status = booking.Status.ToCode(),
            booking.Sequence,
            SealedReason = sealedReason,
            booking.StatusChangedAt,
        }, cancellationToken);
    }

    /// <summary>
    /// Start-up data step for databases from before the reason was sealed: seals every reason still in the clear
    /// column under its booking's key and empties the column; a booking whose data was erased loses the reason.
    /// </summary>
    public async Task SealClearReasonsAsync(CancellationToken cancellationToken)
    {
        const string select = "SELECT id, status_reason AS reason FROM booking WHERE status_reason IS NOT NULL";
        const string update = "UPDATE booking SET status_reason = NULL, status_reason_sealed = @SealedReason WHERE id = @Id";
        await session.BeginAsync(cancellationToken);
        try
        {
            foreach (var row in (await session.QueryAsync<ClearReason>(select, null, cancellationToken)).ToList())
            {
                var sealedReason = await SealReasonAsync(row.Id, row.Reason, cancellationToken);
                await session.ExecuteAsync(update, new { row.Id, SealedReason = sealedReason }, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }

    private static string ReasonContext(Guid bookingId) => $"booking:{bookingId}:status-reason";

    /// <summary>The reason sealed under the booking's data key; null without a reason or once the booking's data is erased.</summary>
    private async Task<byte[]?> SealReasonAsync(Guid bookingId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return null;
        }

        var dataKeyId = await session.ExecuteScalarAsync<Guid?>(
            "SELECT data_key_id FROM booking WHERE id = @bookingId", new { bookingId }, cancellationToken);
        return dataKeyId is { } key ? await cipher.EncryptAsync(key, Encoding.UTF8.GetBytes(reason), ReasonContext(bookingId), cancellationToken) : null;
    }

    private async Task<string?> OpenReasonAsync(Row row, CancellationToken cancellationToken) =>
        row is { StatusReasonSealed.Length: > 0, DataKeyId: { } key }
            ? Encoding.UTF8.GetString(await cipher.DecryptAsync(key, row.StatusReasonSealed, ReasonContext(row.Id), cancellationToken))
            : null;

    private async Task<BookingRecord> RecordAsync(Row row, CancellationToken cancellationToken) =>
        row.ToRecord(await OpenReasonAsync(row, cancellationToken));

    public async Task<IReadOnlyList<BookingRecord>> ForSlotsAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken cancellationToken)
    {
        if (slotIds.Count == 0)
        {
            return [];
        }

        var rows = await session.QueryAsync<Row>(
            SelectRecords + " WHERE slot_id IN @slotIds ORDER BY created_at", new { slotIds = slotIds.Select(id => id.ToString("D")).ToArray() },
            cancellationToken);
        var records = new List<BookingRecord>();
        foreach (var row in rows)
        {
            records.Add(await RecordAsync(row, cancellationToken));
        }

        return records;
    }

    public async Task<IReadOnlyList<Booking>> ActiveForSlotAsync(Guid slotId, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(
            SelectRecords + " WHERE slot_id = @slotId AND status = 'confirmed' ORDER BY created_at", new { slotId }, cancellationToken);
        var bookings = new List<Booking>();
        foreach (var row in rows)
        {
            bookings.Add(row.ToDomain(await OpenReasonAsync(row, cancellationToken)));
        }

        return bookings;
    }

    private sealed class ClearReason
    {
        public Guid Id { get; set; }
        public string Reason { get; set; } = "";
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Reference { get; set; } = "";
        public Guid SlotId { get; set; }
        public string Status { get; set; } = "";
        public long Sequence { get; set; }
        public byte[] TokenHash { get; set; } = [];
        public Guid? DataKeyId { get; set; }
        public byte[]? PersonalData { get; set; }
        public string LanguageCode { get; set; } = "";
        public string TopicCode { get; set; } = "";
        public bool InterpreterNeeded { get; set; }
        public string BookedBy { get; set; } = "";
        public string PrivacyNoticeVersion { get; set; } = "";
        public Instant ConsentAt { get; set; }
        public byte[]? StatusReasonSealed { get; set; }
        public Instant? StatusChangedAt { get; set; }
        public Instant CreatedAt { get; set; }
        public byte[]? ManageTokenSealed { get; set; }

        public Booking ToDomain(string? statusReason) =>
            Booking.Restore(Id, Reference, SlotId, BookingStatuses.Parse(Status), (int)Sequence, statusReason, StatusChangedAt);

        public BookingRecord ToRecord(string? statusReason) =>
            new(ToDomain(statusReason), TokenHash, DataKeyId ?? Guid.Empty, PersonalData ?? [], LanguageCode, TopicCode, InterpreterNeeded,
                BookedBy == "staff" ? Domain.Bookings.BookedBy.Staff : Domain.Bookings.BookedBy.Resident, PrivacyNoticeVersion, ConsentAt,
                CreatedAt, ManageTokenSealed);
    }
}
