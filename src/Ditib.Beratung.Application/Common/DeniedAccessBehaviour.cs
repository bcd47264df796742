using Ditib.Beratung.Application.Audit;
using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Outside the transaction: a 404 that hides an existing record from the caller is audited as a denied access, after
/// the command's own work (and anything it wrote) was rolled back, so the entry is kept.
/// </summary>
public sealed class DeniedAccessBehaviour<TRequest, TResponse>(IAuditTrail audit) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (NotFoundException exception) when (exception.DeniedAccess is not null)
        {
            await audit.RecordAsync(exception.DeniedAccess, cancellationToken);
            throw;
        }
    }
}
