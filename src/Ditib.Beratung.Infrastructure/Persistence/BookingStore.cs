using Dapper;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class BookingStore(DbSession session) : IBookingRepository
{
    private const string SelectRecords = """
        SELECT id, reference, slot_id, status, sequence, token_hash, data_key_id, personal_data, language_code, topic_code,
               interpreter_needed, booked_by, privacy_notice_version, consent_at, status_reason, status_changed_at, created_at
        FROM booking
        """;

    public async Task<BookingRecord?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            session.Command(SelectRecords + " WHERE reference = @reference", new { reference }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<BookingRecord?> GetByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command(SelectRecords + " WHERE id = @id", new { id }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            session.Command("SELECT EXISTS (SELECT 1 FROM booking WHERE reference = @reference)", new { reference }, cancellationToken));
    }

    public async Task AddAsync(BookingRecord record, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO booking (id, reference, slot_id, status, sequence, token_hash, data_key_id, personal_data, language_code,
                                 topic_code, interpreter_needed, booked_by, privacy_notice_version, consent_at, created_at)
            VALUES (@Id, @Reference, @SlotId, @Status, @Sequence, @TokenHash, @DataKeyId, @PersonalData, @Language,
                    @Topic, @InterpreterNeeded, @BookedBy, @PrivacyNoticeVersion, @ConsentAt, @CreatedAt)
            """;
        var booking = record.Booking;
        var connection = await session.ConnectionAsync(cancellationToken);
        await Constraints.GuardAsync(() => connection.ExecuteAsync(session.Command(sql, new
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
        }, cancellationToken)));
    }

    public async Task UpdateAsync(Booking booking, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE booking SET slot_id = @SlotId, status = @Status, sequence = @Sequence, status_reason = @StatusReason,
                               status_changed_at = @StatusChangedAt
            WHERE id = @Id
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        await Constraints.GuardAsync(() => connection.ExecuteAsync(session.Command(sql, new
        {
            booking.Id,
            booking.SlotId,
            Status = booking.Status.ToCode(),
            booking.Sequence,
            booking.StatusReason,
            booking.StatusChangedAt,
        }, cancellationToken)));
    }

    public async Task<IReadOnlyList<BookingRecord>> ForSlotsAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken cancellationToken)
    {
        if (slotIds.Count == 0)
        {
            return [];
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(
            SelectRecords + " WHERE slot_id IN @slotIds ORDER BY created_at", new { slotIds = slotIds.Select(id => id.ToString("D")) },
            cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<Booking>> ActiveForSlotAsync(Guid slotId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(
            SelectRecords + " WHERE slot_id = @slotId AND status = 'confirmed' ORDER BY created_at", new { slotId }, cancellationToken));
        return rows.Select(r => r.ToDomain()).ToList();
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
        public string? StatusReason { get; set; }
        public Instant? StatusChangedAt { get; set; }
        public Instant CreatedAt { get; set; }

        public Booking ToDomain() =>
            Booking.Restore(Id, Reference, SlotId, BookingStatuses.Parse(Status), (int)Sequence, StatusReason, StatusChangedAt);

        public BookingRecord ToRecord() =>
            new(ToDomain(), TokenHash, DataKeyId ?? Guid.Empty, PersonalData ?? [], LanguageCode, TopicCode, InterpreterNeeded,
                BookedBy == "staff" ? Domain.Bookings.BookedBy.Staff : Domain.Bookings.BookedBy.Resident, PrivacyNoticeVersion, ConsentAt,
                CreatedAt);
    }
}
