using System.Security.Cryptography;
using Ditib.Beratung.Domain.Common;
using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Runs inside the write transaction: an idempotent command with a key that was seen before returns the stored
/// answer when the body is the same, and is a conflict when it differs.
/// </summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(IIdempotencyStore store) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { } key } idempotent)
        {
            return await next();
        }

        var scope = idempotent.IdempotencyScope;
        var requestHash = SHA256.HashData(SealedJson.Serialize(request));
        var stored = await store.FindAsync(scope, key, cancellationToken);
        if (stored is not null)
        {
            if (!CryptographicOperations.FixedTimeEquals(stored.RequestHash, requestHash))
            {
                throw new ConflictException("This Idempotency-Key was already used with a different request body.");
            }

            return SealedJson.Deserialize<TResponse>(stored.Answer);
        }

        var response = await next();
        await store.SaveAsync(scope, key, requestHash, SealedJson.Serialize(response), (response as IIdempotencySubject)?.IdempotencySubject,
            cancellationToken);
        return response;
    }
}
