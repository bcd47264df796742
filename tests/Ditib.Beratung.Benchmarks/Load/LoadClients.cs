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
}

/// <summary>The share of each operation in a phase, in percent.</summary>
public sealed record Mix(string Name, int Search, int Book, int ReadBooking, int WriteNote)
{
    public static readonly Mix BookingsOnly = new("bookings only", 0, 100, 0, 0);
    public static readonly Mix Mixed = new("mixed", 50, 25, 15, 10);

    public Operation Pick(Random random)
    {
        var roll = random.Next(Search + Book + ReadBooking + WriteNote);
        return roll < Search ? Operation.Search
            : roll < Search + Book ? Operation.Book
            : roll < Search + Book + ReadBooking ? Operation.ReadBooking
            : Operation.WriteNote;
    }
}

/// <summary>
/// Concurrent clients, each with its own partition of slots so that bookings never collide. Every loop is bounded by
/// the phase's time and by a count, and stops by itself.
/// </summary>
public sealed class LoadClients(HttpClient http, Uri api, SeededData data, int clients)
{
    private const int MaxOperationsPerClient = 1_000_000;

    private readonly Queue<SeededSlot>[] partitions = Partition(data.Slots, clients);
    private readonly List<(string Reference, string Token)>[] booked = Enumerable.Range(0, clients).Select(_ => new List<(string, string)>()).ToArray();
    private readonly string note = Micro.NoteScrubberBenchmarks.Note(800);

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
            if (operation == Operation.ReadBooking && booked[index].Count == 0)
            {
                operation = Operation.Book;
            }

            if (operation == Operation.Book && partitions[index].Count == 0)
            {
                if (mix.Search == 0)
                {
                    break;
                }

                operation = Operation.Search;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var error = operation switch
                {
                    Operation.Search => await SearchAsync(random),
                    Operation.Book => await BookAsync(index, random),
                    Operation.ReadBooking => await ReadBookingAsync(index, random),
                    _ => await WriteNoteAsync(index),
                };
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

    private async Task<string?> SearchAsync(Random random)
    {
        var topic = Profiles.Topics[random.Next(Profiles.Topics.Length)];
        var language = Profiles.SearchLanguages[random.Next(Profiles.SearchLanguages.Length)];
        var from = data.FirstDay.PlusDays(random.Next(data.Days - 14));
        var uri = new Uri(api, $"/api/v1/slots?topic={topic}&language={language}&from={Seeder.Date(from)}&to={Seeder.Date(from.PlusDays(13))}");
        using var response = await http.GetAsync(uri);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    private async Task<string?> BookAsync(int index, Random random)
    {
        var slot = partitions[index].Dequeue();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "/api/v1/bookings"))
        {
            Content = JsonContent.Create(new
            {
                slotId = slot.Id,
                name = "Erfundene Lastperson",
                phone = "+49 170 5550100",
                email = "lastperson@example.invalid",
                language = slot.Languages[random.Next(slot.Languages.Length)],
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
            booked[index].Add((created["reference"]!.GetValue<string>(), created["manageToken"]!.GetValue<string>()));
        }

        return error;
    }

    private async Task<string?> ReadBookingAsync(int index, Random random)
    {
        var (reference, token) = booked[index][random.Next(booked[index].Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"/api/v1/bookings/{reference}"));
        request.Headers.Add("X-Booking-Token", token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return Expect(response, HttpStatusCode.OK);
    }

    private async Task<string?> WriteNoteAsync(int index)
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
