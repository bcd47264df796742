using Ditib.Beratung.Api.Endpoints;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application;
using Ditib.Beratung.Infrastructure;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

app.Services.InitialiseInfrastructure();
await DemoData.SeedAsync(app.Services, app.Configuration, app.Environment);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestLimits>();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");

app.MapReferenceDataEndpoints();
app.MapSlotEndpoints();
app.MapBookingEndpoints();
app.MapCounsellorEndpoints();
app.MapAgendaEndpoints();

await app.RunAsync();

public partial class Program;
