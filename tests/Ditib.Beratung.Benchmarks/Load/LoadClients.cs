using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ditib.Beratung.Benchmarks.Load;

public enum Operation
{
    Search,
    Book,
    ReadBooking,
    WriteNote,
    Calendar,
    Move,
    Cancel,
}

/// <summary>The share of each operation in a phase, in percent.</summary>
public sealed record Mix(string Name, int Search, int Book, int ReadBooking, int WriteNote, int Calendar = 0, int Move = 0, int Cancel = 0)
{
    public static readonly Mix SearchOnly = new("search only", 100, 0, 0, 0);
    public static readonly Mix BookingsOnly = new("bookings only", 0, 100, 0, 0);
    public static readonly Mix NotesOnly = new("notes only", 0, 0, 0, 100);
    public static readonly Mix Mixed = new("mixed", 50, 25, 15, 10);

    /// <summary>The soak's traffic: what residents do through the API with their booking links (no staff work).</summary>
    public static readonly Mix Soak = new("soak", Search: 45, Book: 25, ReadBooking: 12, WriteNote: 0, Calendar: 6, Move: 6, Cancel: 6);

    public Operation Pick(Random random)
    {
        var roll = random.Next(Search + Book + ReadBooking + WriteNote + Calendar + Move + Cancel);
        foreach (var (operation, share) in new[]
        {
            (Operation.Search, Search), (Operation.Book, Book), (Operation.ReadBooking, ReadBooking), (Operation.WriteNote, WriteNote),
            (Operation.Calendar, Calendar), (Operation.Move, Move),
        })
        {
            if (roll < share)
            {
                return operation;
            }

            roll -= share;
        }

        return Operation.Cancel;
    }

    public override string ToString() =>
        $"search {Search} %, book {Book} %, read {ReadBooking} %, note {WriteNote} %, calendar {Calendar} %, move {Move} %, cancel {Cancel} %";
}

/// <summary>A booking a client made: with its token, and what it is about (a move must keep both).</summary>
public sealed record Booked(string Reference, string Token, string Topic, string Language);

/// <summary>
/// Concurrent clients, each with its own partition of slots so that bookings never collide. With several API
/// instances, each client sends its requests to them in turn, so a booking made on one is read, moved and cancelled on
/// another (as behind a load balancer). Every loop is bounded by the phase's time and by a count, and stops by itself.
/// </summary>
public sealed class LoadClients(HttpClient http, IReadOnlyList<Uri> apis, SeededData data, int clients)
{
    private const int MaxOperationsPerClient = 1_000_000;

    private readonly Queue<SeededSlot>[] partitions = Partition(data.Slots, clients);
    private readonly List<Booked>[] booked = Enumerable.Range(0, clients).Select(_ => new List<Booked>()).ToArray();
    private readonly string note = Micro.NoteScrubberBenchmarks.Note(800);
    private long answered;

    /// <summary>Requests answered so far (with any status), across all phases.</summary>
    public long Answered => Interlocked.Read(ref answered);

    public async Task<(Dictionary<Operation, Latencies> Results, TimeSpan Elapsed)> RunAsync(Mix mix, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, mix, duration))));
        var elapsed = clock.Elapsed;
        var results = Enum.GetValues<Operation>().ToDictionary(op => op, op => Latencies.Merge(perClient.Select(c => c[op])));
        return (results, elapsed);
    }

    private async Task<Dictionary<Operation, Latencies>> ClientAsync(int index, Mix mix, TimeSpan duration)
    {
        var random = new Random(1000 + index);
        var results = Enum.GetValues<Operation>().ToDictionary(op => op, _ => new Latencies());
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < MaxOperationsPerClient && clock.Elapsed < duration; n++)
        {
            var operation = mix.Pick(random);
            if (operation is Operation.ReadBooking or Operation.Calendar or Operation.Move or Operation.Cancel && booked[index].Count == 0)
            {
                operation = Operation.Book;
            }

            if (operation is Operation.Book or Operation.Move && partitions[index].Count == 0)
            {
                if (mix.Search == 0)
                {
                    break;
                }

                operation = Operation.Search;
            }

            var api = apis[(index + n) % apis.Count];
            var started = Stopwatch.GetTimestamp();
            try
            {
                var error = operation switch
                {
                    Operation.Search => await SearchAsync(api, random),
                    Operation.Book => await BookAsync(api, index, random),
                    Operation.ReadBooking => await ReadBookingAsync(api, index, random),
                    Operation.Calendar => await CalendarAsync(api, index, random),
                    Operation.Move => await MoveAsync(api, index, random),
                    Operation.Cancel => await CancelAsync(api, index, random),
                    _ => await WriteNoteAsync(api, index),
                };
                Interlocked.Increment(ref answered);
                if (error is null)
                {
                    results[operation].Add(Stopwatch.GetElapsedTime(started));
                }
                else
                {
                    results[operation].Error(error);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                results[operation].Error(exception.GetType().Name);
            }
        }

        return results;
    }

    /// <summary>The first page (50) of one week's free slots in one language, as a resident's first look.</summary>
    private async Task<string?> SearchAsync(Uri api, Random random)
    {
        var language = Profiles.SearchLanguages[random.Next(Profiles.SearchLanguages.Length)];
        var from = data.FirstDay.PlusDays(random.Next(data.Days - 7));
        var uri = new Uri(api, $"/api/v1/slots?language={language}&from={Seeder.Date(from)}&to={Seeder.Date(from.PlusDays(6))}");
        using var response = await http.GetAsync(uri);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    private async Task<string?> BookAsync(Uri api, int index, Random random)
    {
        var slot = partitions[index].Dequeue();
        var language = slot.Languages[random.Next(slot.Languages.Length)];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "/api/v1/bookings"))
        {
            Content = JsonContent.Create(new
            {
                slotId = slot.Id,
                name = "Erfundene Lastperson",
                phone = "+49 170 5550100",
                email = "lastperson@example.invalid",
                language,
                topic = slot.Topic,
                interpreterNeeded = false,
                concern = "Erfundenes Anliegen zur Kita-Anmeldung",
                consent = new { privacyNoticeVersion = "2026-11", accepted = true },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"load-{slot.Id:N}");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var error = Expect(response, HttpStatusCode.Created);
        if (error is null)
        {
            var created = JsonNode.Parse(body)!;
            booked[index].Add(new Booked(created["reference"]!.GetValue<string>(), created["manageToken"]!.GetValue<string>(), slot.Topic, language));
        }

        return error;
    }

    private async Task<string?> ReadBookingAsync(Uri api, int index, Random random)
    {
        var (reference, token, _, _) = booked[index][random.Next(booked[index].Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"/api/v1/bookings/{reference}"));
        request.Headers.Add("X-Booking-Token", token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    private async Task<string?> CalendarAsync(Uri api, int index, Random random)
    {
        var (reference, token, _, _) = booked[index][random.Next(booked[index].Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"/api/v1/bookings/{reference}/calendar.ics"));
        request.Headers.Add("X-Booking-Token", token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    /// <summary>Moves one of the client's bookings to a free slot of its partition on the same topic and in the same language.</summary>
    private async Task<string?> MoveAsync(Uri api, int index, Random random)
    {
        var (reference, token, topic, language) = booked[index][random.Next(booked[index].Count)];
        if (TakeSlot(partitions[index], topic, language) is not { } slot)
        {
            return "no free slot on the topic in the language";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, $"/api/v1/bookings/{reference}/reschedule"))
        {
            Content = JsonContent.Create(new { slotId = slot.Id }),
        };
        request.Headers.Add("X-Booking-Token", token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    /// <summary>Cancels one of the client's bookings; it is read, moved and cancelled no more.</summary>
    private async Task<string?> CancelAsync(Uri api, int index, Random random)
    {
        var at = random.Next(booked[index].Count);
        var (reference, token, _, _) = booked[index][at];
        booked[index].RemoveAt(at);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, $"/api/v1/bookings/{reference}/cancel"))
        {
            Content = JsonContent.Create(new { reason = "Erfundener Grund der Lastprobe" }),
        };
        request.Headers.Add("X-Booking-Token", token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    private async Task<string?> WriteNoteAsync(Uri api, int index)
    {
        var target = data.Cases[index % data.Cases.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, $"/api/v1/cases/{target.CaseId}/notes"))
        {
            Content = JsonContent.Create(new { text = note }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.Created);
    }

    private static SeededSlot? TakeSlot(Queue<SeededSlot> partition, string topic, string language)
    {
        for (var tries = Math.Min(partition.Count, 500); tries > 0; tries--)
        {
            var slot = partition.Dequeue();
            if (slot.Topic == topic && slot.Languages.Contains(language))
            {
                return slot;
            }

            partition.Enqueue(slot);
        }

        return null;
    }

    private static string? Expect(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected ? null : $"HTTP {(int)response.StatusCode}";

    private static Queue<SeededSlot>[] Partition(List<SeededSlot> slots, int clients)
    {
        var shuffled = slots.ToArray();
        new Random(7).Shuffle(shuffled);
        var partitions = Enumerable.Range(0, clients).Select(_ => new Queue<SeededSlot>()).ToArray();
        for (var i = 0; i < shuffled.Length; i++)
        {
            partitions[i % clients].Enqueue(shuffled[i]);
        }

        return partitions;
    }
}
