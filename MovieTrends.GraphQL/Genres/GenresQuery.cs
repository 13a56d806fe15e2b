using GraphQL.Types;
using MovieTrends.GraphQL.Catalog;

namespace MovieTrends.GraphQL.Genres;

public static class GenresQuery
{
    public static void AddGenresField(this ObjectGraphType query, GenresReader genres) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GenreType>>>>("genres")
            .Description("Every genre of the catalog, most movies first, then by name.")
            .DatasetArgumentAdded()
            .ResolveAsync(async context => await genres.ReadAsync(context.GetDataset(), context.CancellationToken));
}
