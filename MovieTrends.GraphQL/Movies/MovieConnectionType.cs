using GraphQL.Types;

namespace MovieTrends.GraphQL.Movies;

public sealed class MovieConnectionType : ObjectGraphType<MovieConnection>
{
    public MovieConnectionType()
    {
        Name = "MovieConnection";
        Description = "One page of the movies behind a bar or table cell, in the order asked.";

        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Movies in the whole list, every page together.")
            .Resolve(context => context.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether more movies follow this page, and the cursor to ask for them.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MovieType>>>>("nodes")
            .Description("The page's movies, in order.")
            .Resolve(context => context.Source.Nodes);
    }
}
