using System.Runtime.CompilerServices;

// The engine's unit tests build columns in memory (shapes no bundled file has, such as a year of 70,000 movies)
// through the internal constructors the loader uses.
[assembly: InternalsVisibleTo("MovieTrends.Tests")]
