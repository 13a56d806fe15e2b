using MovieTrends.Catalog;
using MovieTrends.GraphQL.Database;
using MovieTrends.GraphQL.Movies;
using Npgsql;
using NpgsqlTypes;

namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// Everything the API shows of the movies the engine picked, read by id in one round trip and returned in the
/// order asked. A movie gone since the columns were read (an import in between) is left out.
/// </summary>
public sealed class MovieDetailsReader(NpgsqlDataSource dataSource, DatabaseAvailability availability)
{
    public async Task<IReadOnlyList<Movie>> ReadAsync(string dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var byId = await availability.ObserveAsync(() => ReadByIdAsync(dataset, ids, cancellationToken), cancellationToken);
        var movies = new List<Movie>(ids.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var movie))
            {
                movies.Add(movie);
            }
        }

        return movies;
    }

    private async Task<Dictionary<int, Movie>> ReadByIdAsync(string dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MovieColumnsSql.MoviesById);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. ids.Distinct()], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var movies = new Dictionary<int, Movie>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var movie = MovieRow.Read(reader);
            movies[movie.Id] = movie;
        }

        return movies;
    }
}
