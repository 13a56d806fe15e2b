using MovieTrends.Catalog;
using static MovieTrends.Catalog.CatalogLimits;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>
/// Checks every catalog question against <see cref="CatalogLimits"/> before it reaches the database,
/// so a client learns what to fix instead of getting an empty or huge answer.
/// </summary>
public static class CatalogArguments
{
    public static void CheckYear(int year, string argument)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.YearOutOfRange,
                $"'{argument}' is {year}, outside the supported years {FirstYear}..{LastYear}; pick a year in that window.");
        }
    }

    public static void CheckRange(int from, int to)
    {
        CheckYear(from, "from");
        CheckYear(to, "to");
        if (from > to)
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.InvalidRange,
                $"'from' ({from}) is after 'to' ({to}); pass from <= to.");
        }

        var years = to - from + 1;
        if (years > MaxRangeYears)
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.RangeTooLarge,
                $"The range {from}..{to} spans {years} years; ask for at most {MaxRangeYears} years at a time.");
        }
    }

    public static void CheckLimit(int limit)
    {
        if (limit is < MinLimit or > MaxLimit)
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.InvalidLimit,
                $"'limit' is {limit}; pass a limit between {MinLimit} and {MaxLimit}.");
        }
    }

    public static void CheckPageSize(int first)
    {
        if (first is < MinPageSize or > MaxPageSize)
        {
            throw new CatalogQueryException(
                CatalogErrorCodes.InvalidLimit,
                $"'first' is {first}; pass a page size between {MinPageSize} and {MaxPageSize}.");
        }
    }
}
