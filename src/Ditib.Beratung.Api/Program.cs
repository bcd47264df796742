using Ditib.Beratung.Api;
using Ditib.Beratung.Api.Endpoints;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Infrastructure;
using Ditib.Beratung.Web;
using Ditib.Beratung.Web.Letters;
using Ditib.Beratung.Web.Staff;

if (CommandLine.Preflight(args, Console.Out, Console.Error) is { } done)
{
    return done;
}

var verb = CommandLine.IsVerb(args);
var builder = WebApplication.CreateBuilder(verb ? [] : args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure();
builder.Services.AddBeratungAuthentication();
builder.Services.AddBeratungRateLimits();
builder.Services.AddBeratungCors();
builder.Services.AddBeratungProxies();
builder.Services.AddDemoData();
builder.AddResidentPages();
builder.Services.AddStaffPages();
builder.Services.AddCounsellorPages();
builder.Services.AddDpoPages();
builder.Services.AddLetterViews();

builder.Services.AddProblemDetails();
// The slot search's page (the most frequent answer) is written with generated metadata; everything else by reflection.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SlotJson.Default));
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.AddBeratungApiDocs();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
if (!verb)
{
    builder.Services.AddHostedService<RetentionJob>();
    builder.Services.AddHostedService<OutboxJob>();
}

var app = builder.Build();

if (!CommandLine.TryInitialise(app.Services, Console.Error))
{
    return 1;
}

if (verb)
{
    return await CommandLine.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

await DemoData.SeedAsync(app.Services, app.Environment);

app.UseForwardedHeaders();
app.UseWhen(context => !ResidentPages.ServesPage(context), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(ResidentPages.ServesPage, pages => pages.UseResidentErrorPages());
app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

// Explicitly after the error handling, so that re-executing a request for the error page routes it anew.
app.UseRouting();
app.UseMiddleware<RequestLimits>();
app.UseMiddleware<NulCharacterGuard>();
app.UseResidentPages();
app.UseStaffPages();
app.UseCors();
app.UseAuthentication();
app.UseMiddleware<PendingStepGate>();
app.UseRateLimiter();
app.UseMiddleware<FrameworkRejections>();
app.UseAuthorization();

app.MapBeratungApiDocs();
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
