using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>Wraps every command in one write transaction: all of it is stored, or none of it.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand)
        {
            return await next();
        }

        return await unitOfWork.InTransactionAsync(() => next(), cancellationToken);
    }
}
