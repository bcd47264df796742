using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

/// <summary>
/// The facts of a request for a place in a slot: what it is about, in which language, whether an interpreter is
/// asked for, and the notice the one booking must keep (the desk books without notice).
/// </summary>
public sealed record PlaceRequest(string Topic, string Language, bool InterpreterNeeded, Duration MinimumNotice);

/// <summary>
/// The slot's counsellor as far as booking her slot depends on her: whether she takes bookings, what she advises on,
/// which languages she speaks; and her name, for the answer.
/// </summary>
public sealed record SlotCounsellor(string Name, bool Active, IReadOnlyCollection<string> Topics, IReadOnlyCollection<string> Languages);
