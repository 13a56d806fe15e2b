namespace MovieTrends.Tests.Faults;

/// <summary>
/// The fault tests run one class at a time: each breaks a database of its own, but their time bounds are
/// measured, and two outages at once on a small machine would measure each other.
/// </summary>
[CollectionDefinition("database faults")]
public sealed class DatabaseFaultsCollection;
