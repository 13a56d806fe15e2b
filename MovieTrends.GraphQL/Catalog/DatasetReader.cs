using MovieTrends.Catalog;
using Npgsql;

namespace MovieTrends.GraphQL.Catalog;

/// <summary>Reads a row of <see cref="DatasetSql.Datasets"/>.</summary>
internal static class DatasetReader
{
    public static Dataset Read(NpgsqlDataReader reader) => new(
        Id: reader.GetString(0),
        Name: reader.GetString(1),
        IsDefault: reader.GetBoolean(2),
        MovieCount: reader.GetInt32(3),
        UndatedCount: reader.GetInt32(4),
        FirstYear: reader.GetInt32(5),
        LastYear: reader.GetInt32(6),
        Coverage: new DatasetCoverage(
            WithVotes: reader.GetInt32(7),
            WithRating: reader.GetInt32(8),
            WithRuntime: reader.GetInt32(9),
            WithBudget: reader.GetInt32(10),
            WithRevenue: reader.GetInt32(11),
            WithRoi: reader.GetInt32(12),
            WithLanguage: reader.GetInt32(13),
            WithStatus: reader.GetInt32(14)));
}
