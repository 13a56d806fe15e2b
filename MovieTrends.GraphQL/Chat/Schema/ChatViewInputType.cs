using GraphQL.Types;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Analysis;
using MovieTrends.GraphQL.Datasets;

namespace MovieTrends.GraphQL.Chat.Schema;

public sealed class ChatViewInputType : InputObjectGraphType<ChatView>
{
    public ChatViewInputType()
    {
        Name = "ChatViewInput";
        Description = "What the user's screen shows. Only parameters: the server reads the figures itself.";
        Field<IntGraphType>("trendsFrom").Description("First year of the genre trend chart.");
        Field<IntGraphType>("trendsTo").Description("Last year of the genre trend chart.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("genres").Description("Genres shown in the trend chart; omitted means all.");
        Field<IntGraphType>("popularityYear").Description("Year of the popularity chart.");
        Field<TrendMeasureType>("measure").Description("Measure of the genre trend chart; omitted means MOVIES.");
        Field<MovieFilterInputType>("filter").Description("Filter the charts apply; omitted means none.");
        Field<IdGraphType>("dataset").Description("Dataset the charts show; omitted means the default one.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new ChatView(
            value.TryGetValue("trendsFrom", out var from) ? (int?)from : null,
            value.TryGetValue("trendsTo", out var to) ? (int?)to : null,
            value.TryGetValue("genres", out var genres) && genres is IEnumerable<object?> names ? [.. names.Cast<string>()] : null,
            value.TryGetValue("popularityYear", out var year) ? (int?)year : null)
        {
            Measure = value.TryGetValue("measure", out var measure) ? (TrendMeasure?)measure : null,
            Filter = value.TryGetValue("filter", out var filter) ? (MovieFilter?)filter : null,
            Dataset = value.TryGetValue("dataset", out var dataset) ? dataset?.ToString() : null,
        };
}
