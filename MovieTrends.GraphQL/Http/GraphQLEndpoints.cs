using MovieTrends.GraphQL.Explorer;
using MovieTrends.GraphQL.Schema;

namespace MovieTrends.GraphQL.Http;

public static class GraphQLEndpoints
{
    public const string Path = "/graphql";

    /// <summary>
    /// Maps /graphql: GET and POST per the GraphQL-over-HTTP specification, GET ?sdl for the schema, and Banana Cake
    /// Pop when a browser asks for HTML (GraphiQL at /graphql/graphiql). Any other method gets 405 with Allow: GET, POST.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphQLApi(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        var sdl = endpoints.ServiceProvider.GetRequiredService<SchemaSdl>();

        endpoints.MapPost(Path, context =>
        {
            var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept);
            return mediaType == ResponseMediaType.NotAcceptable
                ? WriteNotAcceptableAsync(context)
                : handler.HandlePostAsync(context, mediaType);
        });

        endpoints.MapGet(Path, context =>
        {
            var query = context.Request.Query;
            if (query.ContainsKey("sdl"))
            {
                return WriteSdlAsync(context, sdl);
            }

            var accept = context.Request.Headers.Accept;
            if (!query.ContainsKey("query") && GraphQLMediaTypes.WantsHtml(accept))
            {
                return BananaCakePopPage.WriteAsync(context);
            }

            var mediaType = GraphQLMediaTypes.Negotiate(accept);
            return mediaType == ResponseMediaType.NotAcceptable
                ? WriteNotAcceptableAsync(context)
                : handler.HandleGetAsync(context, mediaType);
        });

        endpoints.MapMethods(Path, [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], context =>
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return Task.CompletedTask;
        });

        endpoints.MapGraphiQL();
        endpoints.MapBananaCakePop();
        return endpoints;
    }

    private static Task WriteSdlAsync(HttpContext context, SchemaSdl sdl)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = sdl.Utf8.Length;
        return context.Response.Body.WriteAsync(sdl.Utf8, context.RequestAborted).AsTask();
    }

    private static Task WriteNotAcceptableAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"Ask for {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json} in the Accept header.",
            context.RequestAborted);
    }
}
