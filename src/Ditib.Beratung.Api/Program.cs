using Ditib.Beratung.Api;
using Ditib.Beratung.Api.Endpoints;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application;
using Ditib.Beratung.Infrastructure;
using Ditib.Beratung.Web;
using Ditib.Beratung.Web.Staff;
using Scalar.AspNetCore;

var verb = CommandLine.IsVerb(args);
var builder = WebApplication.CreateBuilder(verb ? [] : args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure();
builder.Services.AddBeratungAuthentication();
builder.Services.AddBeratungRateLimits(builder.Configuration);
builder.Services.AddBeratungCors(builder.Configuration);
builder.Services.AddBeratungProxies(builder.Configuration);
builder.AddResidentPages();
builder.Services.AddStaffPages();
builder.Services.AddCounsellorPages();

builder.Services.AddProblemDetails();
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiSecurity>());
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
if (!verb)
{
    builder.Services.AddHostedService<RetentionJob>();
    builder.Services.AddHostedService<OutboxJob>();
}

var app = builder.Build();

app.Services.InitialiseInfrastructure();
if (verb)
{
    return await CommandLine.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

await DemoData.SeedAsync(app.Services, app.Configuration, app.Environment);

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<RequestLimits>();
app.UseResidentPages();
app.UseStaffPages();
// Routing after the staff pages' status-code re-execution, so that a re-executed 403 or 404 finds /staff/status.
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();

app.MapReferenceDataEndpoints();
app.MapSlotEndpoints();
app.MapBookingEndpoints();
app.MapCounsellorEndpoints();
app.MapAgendaEndpoints();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapAuditEndpoints();
app.MapCaseEndpoints();
app.MapReferralEndpoints();
app.MapPrivacyEndpoints();
app.MapStatisticsEndpoints();
app.MapOutboxEndpoints();
app.MapResidentPages(RateLimits.Booking, RateLimits.ManageLink, RateLimits.SignIn);

await app.RunAsync();
return 0;

public partial class Program;
