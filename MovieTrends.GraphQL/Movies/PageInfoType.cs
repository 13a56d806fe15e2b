using GraphQL.Types;

namespace MovieTrends.GraphQL.Movies;

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page of a list ends.";

        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Whether movies follow this page.")
            .Resolve(context => context.Source.HasNextPage);
        Field<StringGraphType>("endCursor")
            .Description("Pass as `after` for the next page, with the same arguments (only `first` may change); null when the page is empty. Opaque.")
            .Resolve(context => context.Source.EndCursor);
    }
}
