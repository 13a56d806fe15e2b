namespace MovieTrends.Tests.Faults;

[Collection("database faults")]
public sealed class KilledDatabaseTests(KilledDatabase outage) : DatabaseOutageTests(outage), IClassFixture<KilledDatabase>;
