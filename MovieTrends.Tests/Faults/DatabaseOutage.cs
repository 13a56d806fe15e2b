namespace MovieTrends.Tests.Faults;

/// <summary>A <see cref="BreakableCatalogService"/> whose database is out for every test of the class.</summary>
public abstract class DatabaseOutage : IAsyncLifetime
{
    public BreakableCatalogService Service { get; } = new();

    /// <summary>The code a read that needed the database gets.</summary>
    public abstract string ExpectedCode { get; }

    /// <summary>How long a refusal may take when it should come sooner than the operation budget; null for the budget.</summary>
    public virtual TimeSpan? RefusalBudget => null;

    /// <summary>How many log lines there were before the database went out.</summary>
    public int LogMark { get; private set; }

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        LogMark = Service.Logs.Lines.Count;
        await BreakAsync(Service.Database);
    }

    protected abstract Task BreakAsync(PrivatePostgres database);

    public Task DisposeAsync() => Service.DisposeAsync();
}

/// <summary>The server killed outright: connections drop, new ones are refused.</summary>
public sealed class KilledDatabase : DatabaseOutage
{
    public override string ExpectedCode => "DATABASE_UNAVAILABLE";

    // A refused connection is known at once: nothing to wait for.
    public override TimeSpan? RefusalBudget => TimeSpan.FromSeconds(3);

    protected override Task BreakAsync(PrivatePostgres database) => database.KillAsync();
}

/// <summary>The server frozen: connections stay open and nothing answers, the worst case for a client.</summary>
public sealed class FrozenDatabase : DatabaseOutage
{
    public override string ExpectedCode => "DATABASE_TIMEOUT";

    protected override Task BreakAsync(PrivatePostgres database) => database.FreezeAsync();
}
