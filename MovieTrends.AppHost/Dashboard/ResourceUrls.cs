namespace MovieTrends.AppHost.Dashboard;

/// <summary>The links each resource shows in the dashboard, named for what a person opens them for.</summary>
internal static class ResourceUrls
{
    /// <summary>The GraphQL service: its endpoint, both explorers, the schema and the health probes.</summary>
    public static IResourceBuilder<ProjectResource> WithGraphQLUrls(this IResourceBuilder<ProjectResource> graphql) =>
        graphql.WithUrls(context => ReplaceWithPaths(context,
            ("/graphql", "Banana Cake Pop (explorer)"),
            ("/graphql/graphiql", "GraphiQL (examples)"),
            ("/graphql?sdl", "Schema (SDL)"),
            ("/health", "Health (ready)"),
            ("/alive", "Health (alive)")));

    /// <summary>The web frontend: the app itself, the explorer through its proxy and the health probes.</summary>
    public static IResourceBuilder<ProjectResource> WithWebUrls(this IResourceBuilder<ProjectResource> web) =>
        web.WithUrls(context => ReplaceWithPaths(context,
            ("/", "MovieTrends"),
            ("/graphql", "Explorer through the app"),
            ("/health", "Health (ready)"),
            ("/alive", "Health (alive)")));

    // Each endpoint's bare URL becomes the named pages on it; the bare one would only repeat the first link.
    // The pages are plain URLs: Aspire keeps one URL per endpoint reference, so tying each page to the endpoint
    // would leave every page pointing at the same address.
    private static void ReplaceWithPaths(ResourceUrlsCallbackContext context, params (string Path, string Name)[] pages)
    {
        var endpointUrls = context.Urls.Where(url => url.Endpoint is not null).ToList();
        foreach (var endpointUrl in endpointUrls)
        {
            // A browser cannot open an HTTP/2 cleartext endpoint: it is listed in the details, under what it is for.
            if (endpointUrl.Endpoint!.EndpointAnnotation.Transport == "http2")
            {
                endpointUrl.DisplayText = "HTTP/2 cleartext (the web proxy's, not for browsers)";
                endpointUrl.DisplayLocation = UrlDisplayLocation.DetailsOnly;
                continue;
            }

            context.Urls.Remove(endpointUrl);
            var root = endpointUrl.Url.TrimEnd('/');
            foreach (var (path, name) in pages)
            {
                context.Urls.Add(new ResourceUrlAnnotation
                {
                    Url = root + path,
                    DisplayText = name,
                });
            }
        }
    }
}
