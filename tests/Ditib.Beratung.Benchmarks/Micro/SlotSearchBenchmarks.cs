using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Counsellors;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Ditib.Beratung.Benchmarks.Micro;

/// <summary>
/// The availability search (the real SQL of <see cref="SlotStore.SearchAsync"/> behind the real <see cref="SearchSlotsHandler"/>)
/// over a temporary SQLite file holding 50 counsellors with 90 days of slots each, Monday to Saturday 08:00–20:00 in
/// 30-minute slots. Each operation opens a fresh session, as a request does.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes in [GlobalCleanup].")]
public class SlotSearchBenchmarks
{
    public const int Counsellors = 50;
    public const int Days = 90;

    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly LocalDate FirstDay = new(2027, 3, 1);
    /// <summary>Searches never enter the gate; only the seeding transaction does.</summary>
    private WriteGate gate = null!;
    private static readonly Instant Now = FirstDay.AtStartOfDayInZone(Berlin).ToInstant() - Duration.FromDays(1);

    private readonly CentreSettings settings = new(Berlin, Duration.FromMinutes(120), Duration.FromMinutes(60));
    private string folder = "";
    private ConnectionFactory connections = null!;

    [GlobalSetup]
    public void Setup()
    {
        TypeHandlers.Register();
        folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-bench", Guid.NewGuid().ToString("N"));
        var options = new DatabaseOptions($"Data Source={Path.Combine(folder, "beratung.db")}", folder);
        new DatabaseMigrator(options, NullLogger<DatabaseMigrator>.Instance).Migrate();
        connections = new ConnectionFactory(options);
        gate = new WriteGate(connections);
        SeedAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        gate.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>What a resident asks: one topic, one language, two weeks.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> TopicAndLanguage14Days() => SearchAsync("family", "tr", 14);

    /// <summary>Issue 17's measure: the first page of one week in one language, written as the API writes it (JSON).</summary>
    [Benchmark]
    public async Task<long> LanguageOneWeekAsJson()
    {
        await using var session = new DbSession(connections, gate, new SqliteErrors());
        var handler = new SearchSlotsHandler(new SlotStore(session), settings, new FixedClock(Now));
        var from = FirstDay.PlusDays(7);
        var page = await handler.Handle(new SearchSlots(null, "tr", Formats.Date.Format(from), Formats.Date.Format(from.PlusDays(6)), null),
            CancellationToken.None);
        await using var counter = new CountingStream();
        await JsonSerializer.SerializeAsync(counter, page, Json);
        return counter.Length;
    }

    /// <summary>The rarest pair: few counsellors qualify, so the walk in start order reads the most slots per page.</summary>
    [Benchmark]
    public Task<int> RareTopicAndRareLanguage14Days() => SearchAsync("dementia", "ar", 14);

    /// <summary>A rarer language: fewer counsellors qualify, so fewer rows come back.</summary>
    [Benchmark]
    public Task<int> TopicAndRareLanguage14Days() => SearchAsync("family", "ar", 14);

    /// <summary>No filters over two weeks: every counsellor's slots.</summary>
    [Benchmark]
    public Task<int> Unfiltered14Days() => SearchAsync(null, null, 14);

    private async Task<int> SearchAsync(string? topic, string? language, int days)
    {
        await using var session = new DbSession(connections, gate, new SqliteErrors());
        var handler = new SearchSlotsHandler(new SlotStore(session), settings, new FixedClock(Now));
        var from = FirstDay.PlusDays(7);
        var found = await handler.Handle(new SearchSlots(topic, language, Formats.Date.Format(from), Formats.Date.Format(from.PlusDays(days - 1)), null),
            CancellationToken.None);
        return found.Items.Count;
    }

    private async Task SeedAsync()
    {
        var hours = new ConsultationHours(
            Enumerable.Range(1, 6).Select(day => new WeeklyHours((IsoDayOfWeek)day,
                new HoursWindow(new LocalTime(8, 0), new LocalTime(20, 0), 30, SlotMode.InPerson, "Raum 2", 1))).ToList(),
            []);
        var planned = SlotPlanner.Plan(hours, FirstDay, FirstDay.PlusDays(Days - 1), Berlin);
        await using var session = new DbSession(connections, gate, new SqliteErrors());
        await session.BeginAsync(CancellationToken.None);
        var counsellors = new CounsellorRepository(session, new FixedClock(Now));
        var slots = new SlotStore(session);
        for (var i = 0; i < Counsellors; i++)
        {
            var profile = Profiles.Counsellor(i);
            var counsellor = new Counsellor(Guid.CreateVersion7(), profile.Name, profile.Languages, profile.Topics, true, null);
            await counsellors.AddAsync(counsellor, CancellationToken.None);
            await slots.AddAsync(planned.Select(p => new Slot(Guid.CreateVersion7(), counsellor.Id, p.Start, p.End, p.Mode, p.Location,
                p.Capacity, SlotStatus.Open)).ToList(), Now, CancellationToken.None);
        }

        await session.CommitAsync(CancellationToken.None);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Counts what is written and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
