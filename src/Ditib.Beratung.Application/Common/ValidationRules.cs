using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using FluentValidation.Internal;

namespace Ditib.Beratung.Application.Common;

/// <summary>Rules shared by the validators, so that the same field gets the same answer everywhere.</summary>
public static partial class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> Date<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(Formats.IsDate)
            .WithMessage($"'{{PropertyName}}' must be a date written as yyyy-MM-dd, between {Formats.FirstYear} and {Formats.LastYear}.");

    /// <summary>
    /// Two ISO dates, the second not before the first, spanning at most <paramref name="maxDays"/> days. The getters are
    /// compiled once per property, as <c>RuleFor</c> does, not per validator: validators are built per request, and
    /// compiling two expressions was 12 % of the server's CPU per slot search, and the JIT had to compile them again.
    /// </summary>
    public static void DateRange<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> from,
        Expression<Func<T, string?>> to, int maxDays)
    {
        var getFrom = AccessorCache<T>.GetCachedAccessor(from.GetMember(), from);
        var getTo = AccessorCache<T>.GetCachedAccessor(to.GetMember(), to);
        validator.RuleFor(from).Date();
        validator.RuleFor(to).Date();
        validator.RuleFor(to)
            .Must((x, t) => Formats.ParseDate(getFrom(x)!) <= Formats.ParseDate(t!))
            .WithMessage("'to' must not be before 'from'.")
            .Must((x, t) => NodaTime.Period.DaysBetween(Formats.ParseDate(getFrom(x)!), Formats.ParseDate(t!)) < maxDays)
            .WithMessage($"The range may span at most {maxDays} days.")
            .When(x => Formats.IsDate(getFrom(x)) && Formats.IsDate(getTo(x)));
    }

    public static IRuleBuilderOptions<T, string?> Time<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(Formats.IsTime).WithMessage("'{PropertyName}' must be a time written as HH:mm.");

    public static IRuleBuilderOptions<T, string?> SlotMode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(m => Domain.Scheduling.SlotModes.TryParse(m, out _))
            .WithMessage("'{PropertyName}' must be one of: in-person, phone, video.");

    public static IRuleBuilderOptions<T, string?> Topic<T>(this IRuleBuilder<T, string?> rule, IReferenceData referenceData) =>
        rule.MustAsync(async (code, ct) => code is null || await referenceData.TopicExistsAsync(code, ct))
            .WithMessage((_, code) => $"'{Echo(code)}' is not a known topic; see GET /api/v1/topics.");

    public static IRuleBuilderOptions<T, string?> Language<T>(this IRuleBuilder<T, string?> rule, IReferenceData referenceData) =>
        rule.MustAsync(async (code, ct) => code is null || await referenceData.LanguageExistsAsync(code, ct))
            .WithMessage((_, code) => $"'{Echo(code)}' is not a known language; see GET /api/v1/languages.");

    /// <summary>At most <see cref="MaxEcho"/> characters of a value an answer repeats, so a 60 KB input is not sent back.</summary>
    public static string Echo(string? value) => value is null ? "" : value.Length <= MaxEcho ? value : string.Concat(value.AsSpan(0, MaxEcho), "…");

    public const int MaxEcho = 100;

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(254).Must(e => e is null || EmailPattern().IsMatch(e))
            .WithMessage("'{PropertyName}' is not a valid e-mail address.");

    /// <summary>German and international forms: +49 203 1234567, 0203/1234567, 0176-12345678, (0203) 123 45 67.</summary>
    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(32).Must(p => p is null || IsPhone(p))
            .WithMessage("'{PropertyName}' is not a valid phone number.");

    /// <summary>A name: one line of text with at least one letter or digit (not only spaces or invisible characters).</summary>
    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().SingleLine(maxLength).Must(n => n is null || n.Any(char.IsLetterOrDigit))
            .WithMessage("'{PropertyName}' must contain letters or digits.");

    /// <summary>
    /// One line of text (names, purposes, places, reasons, partner fields …): no control character at all (line
    /// breaks and tabs included), no line or paragraph separator, no text-direction override. Such a field may end up
    /// in an e-mail, a letter or a CSV cell, where a line break would let it pose as the centre's own text.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(t => t is null || !t.Any(BreaksTheLine))
            .WithMessage("'{PropertyName}' must be a single line, without line breaks, control or text-direction characters.");

    /// <summary>Free text that may span lines (concern, note, summary, outcome): no control characters other than line breaks and tabs.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(t => t is null || !t.Any(IsForbidden))
            .WithMessage("'{PropertyName}' contains control or text-direction override characters.");

    /// <summary>The text on one line: every run of the characters <see cref="SingleLine{T}"/> refuses becomes one space.</summary>
    public static string OneLine(string text) =>
        text.Any(BreaksTheLine) ? string.Join(' ', text.Split(text.Where(BreaksTheLine).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : text;

    /// <summary>Control characters other than line breaks and tabs, and the bidirectional overrides that can disguise text.</summary>
    private static bool IsForbidden(char c) => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || IsDirectionOverride(c);

    private static bool BreaksTheLine(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' || IsDirectionOverride(c);

    private static bool IsDirectionOverride(char c) => c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    public static bool IsPhone(string phone)
    {
        if (!PhonePattern().IsMatch(phone))
        {
            return false;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15;
    }

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]\\]+@[^@\s<>(),;:""\[\]\\]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()/\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
