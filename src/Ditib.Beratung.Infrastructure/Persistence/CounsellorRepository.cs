using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Counsellors;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class CounsellorRepository(DbSession session, IClock clock) : ICounsellorRepository
{
    private const string SelectCounsellors = """
        SELECT c.id, c.display_name, c.active, c.user_id,
               (SELECT group_concat(language_code, ',') FROM counsellor_language WHERE counsellor_id = c.id) AS languages,
               (SELECT group_concat(topic_code, ',') FROM counsellor_topic WHERE counsellor_id = c.id) AS topics
        FROM counsellor c
        """;

    public async Task<Counsellor?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectCounsellors + " WHERE c.id = @id", new { id }, cancellationToken);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Counsellor>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(SelectCounsellors + " ORDER BY c.display_name", null, cancellationToken);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task AddAsync(Counsellor counsellor, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO counsellor (id, display_name, active, user_id, created_at, updated_at)
            VALUES (@Id, @DisplayName, @Active, @UserId, @now, @now)
            """;
        await session.ExecuteAsync(sql,
            new { counsellor.Id, counsellor.DisplayName, counsellor.Active, counsellor.UserId, now = clock.GetCurrentInstant() },
            cancellationToken);
        await WriteListsAsync(counsellor, cancellationToken);
    }

    public async Task<Counsellor?> FindByUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectCounsellors + " WHERE c.user_id = @userId", new { userId }, cancellationToken);
        return row?.ToDomain();
    }

    public async Task UpdateAsync(Counsellor counsellor, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE counsellor SET display_name = @DisplayName, active = @Active, user_id = @UserId, updated_at = @now WHERE id = @Id;
            DELETE FROM counsellor_language WHERE counsellor_id = @Id;
            DELETE FROM counsellor_topic WHERE counsellor_id = @Id;
            """;
        await session.ExecuteAsync(sql,
            new { counsellor.Id, counsellor.DisplayName, counsellor.Active, counsellor.UserId, now = clock.GetCurrentInstant() },
            cancellationToken);
        await WriteListsAsync(counsellor, cancellationToken);
    }

    public async Task<ConsultationHours> GetHoursAsync(Guid counsellorId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT weekday, exception_date, closed, from_time, to_time, slot_minutes, mode, location, capacity
            FROM consultation_window WHERE counsellor_id = @counsellorId
            ORDER BY weekday, exception_date, from_time
            """;
        var rows = (await session.QueryAsync<WindowRow>(sql, new { counsellorId }, cancellationToken)).ToList();

        var weekly = rows.Where(r => r.Weekday is not null)
            .Select(r => new WeeklyHours((IsoDayOfWeek)r.Weekday!.Value, r.ToWindow()))
            .ToList();
        var exceptions = rows.Where(r => r.ExceptionDate is not null)
            .GroupBy(r => r.ExceptionDate!.Value)
            .Select(g => new HoursException(g.Key, g.Any(r => r.Closed), g.Where(r => !r.Closed).Select(r => r.ToWindow()).ToList()))
            .ToList();
        return new ConsultationHours(weekly, exceptions);
    }

    public async Task ReplaceHoursAsync(Guid counsellorId, ConsultationHours hours, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM consultation_window WHERE counsellor_id = @counsellorId";
        const string insert = """
            INSERT INTO consultation_window
                (id, counsellor_id, weekday, exception_date, closed, from_time, to_time, slot_minutes, mode, location, capacity)
            VALUES (@Id, @CounsellorId, @Weekday, @ExceptionDate, @Closed, @From, @To, @SlotMinutes, @Mode, @Location, @Capacity)
            """;
        var rows = hours.Weekly.Select(w => Insert(counsellorId, (int)w.Weekday, null, false, w.Window))
            .Concat(hours.Exceptions.SelectMany(e => e.Closed
                ? [Insert(counsellorId, null, e.Date, true, null)]
                : e.Windows.Select(w => Insert(counsellorId, null, e.Date, false, w))))
            .ToList();

        await session.ExecuteAsync(delete, new { counsellorId }, cancellationToken);
        await session.ExecuteAsync(insert, rows, cancellationToken);
    }

    private static object Insert(Guid counsellorId, int? weekday, LocalDate? date, bool closed, HoursWindow? window) => new
    {
        Id = Guid.CreateVersion7(),
        CounsellorId = counsellorId,
        Weekday = weekday,
        ExceptionDate = date,
        Closed = closed,
        From = window?.From,
        To = window?.To,
        SlotMinutes = window?.SlotMinutes,
        Mode = window?.Mode.ToCode(),
        Location = window?.Location,
        Capacity = window?.Capacity,
    };

    private async Task WriteListsAsync(Counsellor counsellor, CancellationToken cancellationToken)
    {
        const string languages = "INSERT INTO counsellor_language (counsellor_id, language_code) VALUES (@Id, @Code)";
        const string topics = "INSERT INTO counsellor_topic (counsellor_id, topic_code) VALUES (@Id, @Code)";
        await session.ExecuteAsync(languages, counsellor.Languages.Select(code => new { counsellor.Id, Code = code }), cancellationToken);
        await session.ExecuteAsync(topics, counsellor.Topics.Select(code => new { counsellor.Id, Code = code }), cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string DisplayName { get; set; } = "";
        public bool Active { get; set; }
        public Guid? UserId { get; set; }
        public string? Languages { get; set; }
        public string? Topics { get; set; }

        public Counsellor ToDomain() => new(Id, DisplayName, CodeList.Split(Languages), CodeList.Split(Topics), Active, UserId);
    }

    private sealed class WindowRow
    {
        public long? Weekday { get; set; }
        public LocalDate? ExceptionDate { get; set; }
        public bool Closed { get; set; }
        public LocalTime? FromTime { get; set; }
        public LocalTime? ToTime { get; set; }
        public long? SlotMinutes { get; set; }
        public string? Mode { get; set; }
        public string? Location { get; set; }
        public long? Capacity { get; set; }

        public HoursWindow ToWindow() =>
            new(FromTime!.Value, ToTime!.Value, (int)SlotMinutes!.Value, SlotModes.Parse(Mode!), Location, (int)Capacity!.Value);
    }
}
