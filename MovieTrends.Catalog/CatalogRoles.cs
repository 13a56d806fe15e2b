namespace MovieTrends.Catalog;

/// <summary>
/// The database roles the apps log in as (migration 0006 creates them): the importer's owns the catalog, the
/// GraphQL service's reads it and writes only the chat tables. Neither may create roles or databases; the
/// administrator login is for the migration step alone. The Azure deployment (infra/) names them the same.
/// </summary>
public static class CatalogRoles
{
    /// <summary>Owns every table: loads the catalog, rebuilds its indexes and aggregates.</summary>
    public const string Ingest = "movietrends_ingest";

    /// <summary>Reads every table; inserts, updates and deletes only in tables named <see cref="ServiceWritablePrefix"/>*.</summary>
    public const string Service = "movietrends_graphql";

    /// <summary>
    /// The tables the GraphQL service writes are those whose names start with this: a later migration gets the
    /// grants by naming its table so, without naming a role (the migration step re-applies them after every run).
    /// </summary>
    public const string ServiceWritablePrefix = "chat_";
}
