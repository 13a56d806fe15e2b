using GraphQL.Types;

namespace MovieTrends.GraphQL.Schema;

/// <summary>
/// The schema's <c>Mutation</c> root, contributed by a feature rather than by the schema itself.
/// A feature that adds mutations (the chat) implements this on an <c>ObjectGraphType</c> named "Mutation"
/// and registers it with <c>services.AddSingleton&lt;IMutationRoot, TheMutationType&gt;()</c>;
/// without a registration the schema has no mutation type.
/// </summary>
public interface IMutationRoot : IObjectGraphType;
