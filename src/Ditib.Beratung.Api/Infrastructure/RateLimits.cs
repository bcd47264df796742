using System.Globalization;
using System.Threading.RateLimiting;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Per-client-address limits on the anonymous endpoints that can be abused: booking, manage links and sign-in
/// (<c>Beratung:RateLimiting</c>; <c>Enabled=false</c> for load tests). Rejections are 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string Booking = "booking";
    public const string ManageLink = "manage-link";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddBeratungRateLimits(this IServiceCollection services)
    {
        services.AddSettings<RateLimitingOptions, RateLimitingOptions.Validator>(RateLimitingOptions.Section);
        services.AddRateLimiter(options =>
        {
            // Only sending a booking counts: the resident pages' booking form is read with GET under the same policy.
            options.AddPolicy(Booking, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter(Booking)
                : Partition(context, Booking, limits => limits.Booking));
            options.AddPolicy(ManageLink, context => Partition(context, ManageLink, limits => limits.ManageLink));
            // Only sending credentials counts: the staff sign-in page is read with GET under the same policy.
            options.AddPolicy(SignIn, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter(SignIn)
                : Partition(context, SignIn, limits => limits.SignIn));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (Web.ResidentPages.ServesPage(rejected.HttpContext))
                {
                    return; // the status-code page answers in the resident's language
                }

                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Too many requests from this address; please wait before trying again.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>An IPv4 address, or the /64 network of an IPv6 address (one household or device gets a whole /64).</summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? Convert.ToHexString(address.GetAddressBytes().AsSpan(0, 8)) + "/64"
            : address.ToString();
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string name, Func<RateLimitingOptions, RateLimitingOptions.FixedWindow> policy)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (!limits.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(name);
        }

        var window = policy(limits);
        var address = ClientKey(context.Connection.RemoteIpAddress);
        return RateLimitPartition.GetFixedWindowLimiter($"{name}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
