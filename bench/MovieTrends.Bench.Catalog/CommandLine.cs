namespace MovieTrends.Bench.Catalog;

public sealed record CommandLine(string Source, string Output, int Movies, int Seed)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? source = null, output = null;
        int movies = 1_000_000, seed = 42;
        for (var index = 0; index < args.Count; index++)
        {
            var value = index + 1 < args.Count ? args[index + 1] : throw Usage($"'{args[index]}' needs a value.");
            switch (args[index])
            {
                case "--source": source = value; break;
                case "--out": output = value; break;
                case "--movies": movies = ParsePositive(args[index], value); break;
                case "--seed": seed = int.Parse(value); break;
                default: throw Usage($"Unknown option '{args[index]}'.");
            }

            index++;
        }

        return new CommandLine(
            source ?? throw Usage("--source is required."),
            output ?? throw Usage("--out is required."),
            movies,
            seed);
    }

    private static int ParsePositive(string option, string value) =>
        int.TryParse(value, out var number) && number > 0 ? number : throw Usage($"{option} must be a positive whole number, not '{value}'.");

    private static ArgumentException Usage(string problem) => new(
        $"{problem} Usage: --source <tmdb_5000_movies.csv.gz> --out <file.csv.gz> [--movies N (default 1000000)] [--seed S (default 42)]");
}
