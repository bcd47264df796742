namespace Ditib.Beratung.Domain.Common;

/// <summary>A business rule refused the operation (mapped to 422). Messages never carry personal data.</summary>
public class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The operation clashes with the current state (mapped to 409): a slot taken, a state that does not allow it.</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>The thing existed but its time is over (mapped to 410), e.g. a manage link after the appointment.</summary>
public class GoneException(string message) : Exception(message);
