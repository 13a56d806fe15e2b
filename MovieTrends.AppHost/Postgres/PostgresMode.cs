namespace MovieTrends.AppHost.Postgres;

/// <summary>How the AppHost provides PostgreSQL while running locally.</summary>
public enum PostgresMode
{
    /// <summary>Pick <see cref="Container"/> when a container runtime answers, else <see cref="Local"/>.</summary>
    Auto,

    /// <summary>The standard PostgreSQL container with a data volume.</summary>
    Container,

    /// <summary>The PostgreSQL server installed on this machine, run as an executable resource.</summary>
    Local,
}
