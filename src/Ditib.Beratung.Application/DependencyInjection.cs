using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5.1.0 has no DI package: the mediator, handlers and validators are registered here.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // A rule stops at its first failure, so a missing list is reported as missing, not also counted.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<Bookings.BookingAccess>();
        services.AddScoped<Bookings.BookingChanges>();
        services.AddScoped<Agenda.DeskBookingAccess>();
        services.AddScoped<ScheduleAccess>();
        services.AddScoped<Cases.CaseAccess>();
        services.AddScoped<Counsellors.CounsellorAccounts>();
        services.AddScoped<Messages.BookingMessages>();
        services.AddScoped<Auth.SignInGuard>();
        services.AddScoped<Auth.SecondFactorCheck>();

        services.Scan(scan => scan.FromAssemblyOf<ICommand>()
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)).Where(t => !t.IsGenericTypeDefinition && !t.IsNested), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());

        // Order matters: the first registered runs outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(DeniedAccessBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(SingleRunBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        return services;
    }
}
