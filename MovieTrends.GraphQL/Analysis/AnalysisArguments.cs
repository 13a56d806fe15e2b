using GraphQL;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Catalog;
using MovieTrends.GraphQL.Errors;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Checks a measure and a <see cref="MovieFilter"/> against what a dataset holds (<see cref="Dataset.Measures"/>,
/// <see cref="Dataset.Filters"/>) and against the filter's ranges, so a client learns what to fix. In the order a
/// client fixes them: the measure, then which filter fields the dataset can answer, then their values.
/// </summary>
public static class AnalysisArguments
{
    public const int MaxLanguages = 50;

    /// <summary>
    /// The bundled files hold two-letter ISO 639-1 codes; eight characters still takes a three-letter code or a
    /// language tag such as "zh-Hant", and nothing that long is a language.
    /// </summary>
    public const int MaxLanguageLength = 8;

    public const double MaxRating = 10;

    /// <exception cref="CatalogQueryException">MEASURE_UNAVAILABLE.</exception>
    public static void CheckMeasure(TrendMeasure measure, Dataset dataset)
    {
        if (!dataset.Measures.Contains(measure))
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.MeasureUnavailable,
                $"Dataset '{dataset.Id}' has no data for the measure {Name(measure)}; its measures: " +
                $"{string.Join(", ", dataset.Measures.Select(Name))}.");
        }
    }

    /// <exception cref="CatalogQueryException">FILTER_UNAVAILABLE, INVALID_FILTER.</exception>
    public static void CheckFilter(MovieFilter filter, Dataset dataset)
    {
        foreach (var field in AskedFields(filter))
        {
            if (!dataset.Filters.Contains(field))
            {
                throw new CatalogQueryException(
                    CatalogErrorCodes.FilterUnavailable,
                    $"Dataset '{dataset.Id}' has no data for the filter field '{field}'; its filter fields: " +
                    $"{(dataset.Filters.Count == 0 ? "none" : string.Join(", ", dataset.Filters))}.");
            }
        }

        CheckValues(filter);
    }

    /// <exception cref="CatalogQueryException">INVALID_FILTER.</exception>
    public static void CheckValues(MovieFilter filter)
    {
        if (filter.Languages is { } languages)
        {
            // An empty list would silently match no movie.
            if (languages.Count == 0)
            {
                throw Invalid($"{Field(DatasetCoverage.LanguagesFilter)} is an empty list, which matches no movie; leave " +
                    $"'{DatasetCoverage.LanguagesFilter}' out to include every language, or pass codes such as \"en\" or \"fr\".");
            }

            if (languages.Count > MaxLanguages)
            {
                throw Invalid($"{Field(DatasetCoverage.LanguagesFilter)} has {languages.Count} entries; pass at most {MaxLanguages}.");
            }

            if (languages.Any(string.IsNullOrWhiteSpace))
            {
                throw Invalid($"{Field(DatasetCoverage.LanguagesFilter)} has an empty entry; pass language codes such as \"en\" or \"fr\".");
            }

            if (languages.FirstOrDefault(language => language.Length > MaxLanguageLength) is { } tooLong)
            {
                throw Invalid($"{Field(DatasetCoverage.LanguagesFilter)} has the entry {ClientValue.Quote(tooLong)}; a language code " +
                    $"is at most {MaxLanguageLength} characters: pass codes such as \"en\" or \"fr\".");
            }
        }

        if (filter.MinVotes is < 0)
        {
            throw Invalid($"{Field(DatasetCoverage.MinVotesFilter)} is {filter.MinVotes}; pass 0 or more.");
        }

        // Written so NaN fails too; an infinity arrives for a literal too large for a double.
        if (filter.MinRating is { } rating && !(rating >= 0 && rating <= MaxRating))
        {
            throw Invalid($"{Field(DatasetCoverage.MinRatingFilter)} is {rating.ToString(System.Globalization.CultureInfo.InvariantCulture)}; " +
                $"pass a rating between 0 and {MaxRating}.");
        }
    }

    private static IEnumerable<string> AskedFields(MovieFilter filter)
    {
        if (filter.Languages is not null)
        {
            yield return DatasetCoverage.LanguagesFilter;
        }

        if (filter.MinVotes is not null)
        {
            yield return DatasetCoverage.MinVotesFilter;
        }

        if (filter.MinRating is not null)
        {
            yield return DatasetCoverage.MinRatingFilter;
        }

        if (filter.ReleasedOnly is not null)
        {
            yield return DatasetCoverage.ReleasedOnlyFilter;
        }
    }

    /// <summary>A filter field as a client wrote it: 'filter.minVotes'.</summary>
    private static string Field(string name) => $"'{AnalysisArgument.Filter}.{name}'";

    private static string Name(TrendMeasure measure) => measure.ToString().ToConstantCase();

    private static CatalogQueryException Invalid(string message) => new(CatalogErrorCodes.InvalidFilter, message);
}
