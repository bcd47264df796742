using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Refuses text holding U+0000 anywhere in the request (<see cref="NulCharacters"/>) before any validator or handler
/// sees it, then runs every FluentValidation validator of the request; failures become one 400 with field errors.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var nul = NulCharacters.FieldsHoldingNul(request);
        if (nul.Count > 0)
        {
            throw new ValidationException(nul.Select(field => new FluentValidation.Results.ValidationFailure(field, NulCharacters.Message)));
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
