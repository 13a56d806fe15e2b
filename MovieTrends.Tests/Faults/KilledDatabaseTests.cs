using Xunit.Abstractions;

namespace MovieTrends.Tests.Faults;

[Collection("database faults")]
public sealed class KilledDatabaseTests(KilledDatabase outage, ITestOutputHelper output) : DatabaseOutageTests(outage, output), IClassFixture<KilledDatabase>;
