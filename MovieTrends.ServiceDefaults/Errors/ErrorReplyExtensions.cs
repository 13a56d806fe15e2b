using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MovieTrends.ServiceDefaults.Errors;

// Beside AddServiceDefaults, so a service's Program needs no using to call these.
namespace Microsoft.Extensions.Hosting;

public static class ErrorReplyExtensions
{
    public static IServiceCollection AddErrorReplies(this IServiceCollection services)
    {
        // UseExceptionHandler() insists on a fallback writer; SafeExceptionHandler answers every exception first.
        services.AddProblemDetails();
        services.AddOptions<ErrorReplyOptions>();
        services.AddSingleton<ErrorReplyWriter>();
        services.AddExceptionHandler<SafeExceptionHandler>();
        return services;
    }

    /// <summary>The errors GraphQL clients read: answered under <paramref name="path"/> as GraphQL responses.</summary>
    public static IServiceCollection AddGraphQLErrorPath(this IServiceCollection services, PathString path) =>
        services.Configure<ErrorReplyOptions>(options => options.GraphQLPaths.Add(path));

    /// <summary>
    /// Call first, in every environment: it sits inside the developer exception page that Development adds, so that
    /// page never sees an exception; and it gives routing's bodiless 404 and 405 a code and a message.
    /// </summary>
    public static IApplicationBuilder UseErrorReplies(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        var writer = app.ApplicationServices.GetRequiredService<ErrorReplyWriter>();
        app.UseStatusCodePages(context => writer.WriteAsync(context.HttpContext, ErrorReply.ForStatus(context.HttpContext.Response.StatusCode)));
        return app;
    }
}
