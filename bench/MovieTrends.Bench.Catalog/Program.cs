using System.Diagnostics;
using MovieTrends.Bench.Catalog;

// Usage: MovieTrends.Bench.Catalog --source <tmdb_5000_movies.csv.gz> --out <file.csv.gz> [--movies N] [--seed S]
var options = CommandLine.Parse(args);
var stopwatch = Stopwatch.StartNew();
var profile = CatalogProfile.Load(options.Source);
var movies = new SyntheticCatalog(profile, options.Seed).Generate(options.Movies);
Tmdb5000CsvWriter.Write(options.Output, movies, profile.GenreIds);
Console.WriteLine($"Wrote {options.Movies:N0} synthetic movies to {options.Output} in {stopwatch.Elapsed.TotalSeconds:F1} s " +
    $"(profile: {profile.Templates.Count:N0} real movies, seed {options.Seed}).");
