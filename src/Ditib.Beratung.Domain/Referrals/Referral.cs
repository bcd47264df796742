using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Referrals;

public enum ReferralStatus
{
    Draft,
    Sent,
    Accepted,
    Declined,
    Completed,
    Withdrawn,
}

public enum ReferralAction
{
    Send,
    Accept,
    Decline,
    Complete,
    Withdraw,
}

/// <summary>
/// A case referred onward to a partner. States: draft → sent → accepted | declined (with a reason);
/// accepted → completed (with an outcome); draft or sent → withdrawn. Declined, completed and withdrawn are final.
/// Any other step is a conflict that names the current state and changes nothing.
/// </summary>
public sealed class Referral(Guid id, Guid caseId, Guid partnerId, ReferralStatus status, LocalDate followUpOn)
{
    private static readonly Dictionary<(ReferralStatus, ReferralAction), ReferralStatus> Transitions = new()
    {
        [(ReferralStatus.Draft, ReferralAction.Send)] = ReferralStatus.Sent,
        [(ReferralStatus.Sent, ReferralAction.Accept)] = ReferralStatus.Accepted,
        [(ReferralStatus.Sent, ReferralAction.Decline)] = ReferralStatus.Declined,
        [(ReferralStatus.Accepted, ReferralAction.Complete)] = ReferralStatus.Completed,
        [(ReferralStatus.Draft, ReferralAction.Withdraw)] = ReferralStatus.Withdrawn,
        [(ReferralStatus.Sent, ReferralAction.Withdraw)] = ReferralStatus.Withdrawn,
    };

    public Guid Id { get; } = id;
    public Guid CaseId { get; } = caseId;
    public Guid PartnerId { get; } = partnerId;
    public ReferralStatus Status { get; private set; } = status;
    public LocalDate FollowUpOn { get; } = followUpOn;

    /// <summary>States in which a referral still needs following up.</summary>
    public static readonly IReadOnlyList<ReferralStatus> Open = [ReferralStatus.Draft, ReferralStatus.Sent, ReferralStatus.Accepted];

    /// <summary>The one next state for this action, or null when the action is not allowed now.</summary>
    public static ReferralStatus? Next(ReferralStatus status, ReferralAction action) =>
        Transitions.TryGetValue((status, action), out var next) ? next : null;

    public void Apply(ReferralAction action)
    {
        Status = Next(Status, action)
            ?? throw new ConflictException($"The referral is '{Status.ToCode()}'; it cannot be {action.PastTense()} now.");
    }
}

public static class ReferralCodes
{
    public static string ToCode(this ReferralStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? code, out ReferralStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(code, out _) && !code!.Contains(',');

    public static ReferralStatus ParseStatus(string code) =>
        TryParseStatus(code, out var status) ? status : throw new ArgumentException("Unknown referral status.", nameof(code));

    public static string PastTense(this ReferralAction action) => action switch
    {
        ReferralAction.Send => "sent",
        ReferralAction.Accept => "accepted",
        ReferralAction.Decline => "declined",
        ReferralAction.Complete => "completed",
        ReferralAction.Withdraw => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
