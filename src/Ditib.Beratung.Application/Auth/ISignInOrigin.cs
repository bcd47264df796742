namespace Ditib.Beratung.Application.Auth;

/// <summary>Where the current sign-in attempt comes from: an IPv4 address or an IPv6 /64 network.</summary>
public interface ISignInOrigin
{
    string Source { get; }
}
