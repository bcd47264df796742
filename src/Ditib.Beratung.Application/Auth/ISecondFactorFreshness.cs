namespace Ditib.Beratung.Application.Auth;

/// <summary>Whether the current user entered the second factor in the last five minutes.</summary>
public interface ISecondFactorFreshness
{
    bool IsFresh { get; }
}
