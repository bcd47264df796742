using FluentValidation;

namespace Ditib.Beratung.Application.Agenda;

public static class ReferenceRule
{
    /// <summary>A booking reference as the desk may type it (see <see cref="Domain.Bookings.BookingReference.TryNormalise"/>); the answer does not repeat it.</summary>
    public static IRuleBuilderOptions<T, string?> ReadableReference<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => Domain.Bookings.BookingReference.TryNormalise(r, out _))
            .WithMessage("'{PropertyName}' is not a booking reference: eight letters and digits like K7QM-3XPA.");
}
