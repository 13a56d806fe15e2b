namespace MovieTrends.Tests.Faults;

[Collection("database faults")]
public sealed class FrozenDatabaseTests(FrozenDatabase outage) : DatabaseOutageTests(outage), IClassFixture<FrozenDatabase>;
