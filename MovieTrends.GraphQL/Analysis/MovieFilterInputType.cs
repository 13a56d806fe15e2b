using GraphQL.Types;
using MovieTrends.Catalog;

namespace MovieTrends.GraphQL.Analysis;

public sealed class MovieFilterInputType : InputObjectGraphType<MovieFilter>
{
    public MovieFilterInputType()
    {
        Name = "MovieFilter";
        Description = "Which movies to count: a movie must pass every field given; a field left out does not filter. " +
            "A field the dataset has no data for is refused with FILTER_UNAVAILABLE (see `Dataset.filters`).";

        Field<ListGraphType<NonNullGraphType<StringGraphType>>>(DatasetCoverage.LanguagesFilter)
            .Description($"Original language in this list (ISO 639-1 codes such as `en`, any case), at most {AnalysisArguments.MaxLanguages}.");
        Field<IntGraphType>(DatasetCoverage.MinVotesFilter)
            .Description("At least this many votes (0 or more).");
        Field<FloatGraphType>(DatasetCoverage.MinRatingFilter)
            .Description($"Rating at least this (0..{AnalysisArguments.MaxRating}, compared as the file writes it); movies without votes never pass.");
        Field<BooleanGraphType>(DatasetCoverage.ReleasedOnlyFilter)
            .Description("When true, only movies with status `Released`.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new MovieFilter(
        Languages: value.TryGetValue(DatasetCoverage.LanguagesFilter, out var languages) && languages is IEnumerable<object?> list
            ? [.. list.Select(language => (string)language!)]
            : null,
        MinVotes: value.TryGetValue(DatasetCoverage.MinVotesFilter, out var minVotes) ? (int?)minVotes : null,
        MinRating: value.TryGetValue(DatasetCoverage.MinRatingFilter, out var minRating) ? (double?)minRating : null,
        ReleasedOnly: value.TryGetValue(DatasetCoverage.ReleasedOnlyFilter, out var releasedOnly) ? (bool?)releasedOnly : null);
}
