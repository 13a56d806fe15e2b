using Microsoft.Extensions.AI;
using MovieTrends.Catalog;
using MovieTrends.GraphQL.Chat;
using MovieTrends.GraphQL.Chat.Llm;

namespace MovieTrends.Tests.Catalog;

/// <summary>The chat's tool descriptions name the catalog's limits, filled in from CatalogLimits.</summary>
public sealed class ToolDescriptionTests
{
    [Fact]
    public void Tool_parameters_describe_the_year_window_and_list_sizes()
    {
        var descriptions = ToolFunctions.For(new CatalogTools(null!))
            .OfType<AIFunction>()
            .SelectMany(function => function.JsonSchema.GetProperty("properties").EnumerateObject())
            .Where(parameter => parameter.Value.TryGetProperty("description", out _))
            .Select(parameter => parameter.Value.GetProperty("description").GetString())
            .ToList();

        Assert.Contains($"First year, inclusive ({CatalogLimits.FirstYear}–{CatalogLimits.LastYear}).", descriptions);
        Assert.Contains($"Last year, inclusive; at most {CatalogLimits.MaxRangeYears} years after from.", descriptions);
        Assert.Contains($"Release year ({CatalogLimits.FirstYear}–{CatalogLimits.LastYear}).", descriptions);
        Assert.Contains($"How many movies in each list, {CatalogLimits.MinLimit}–{CatalogLimits.MaxLimit}.", descriptions);
    }
}
