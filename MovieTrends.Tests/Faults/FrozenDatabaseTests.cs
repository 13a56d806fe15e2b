using Xunit.Abstractions;

namespace MovieTrends.Tests.Faults;

[Collection("database faults")]
public sealed class FrozenDatabaseTests(FrozenDatabase outage, ITestOutputHelper output) : DatabaseOutageTests(outage, output), IClassFixture<FrozenDatabase>;
