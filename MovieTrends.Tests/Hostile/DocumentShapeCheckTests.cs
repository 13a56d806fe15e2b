using GraphQL.Execution;
using MovieTrends.GraphQL.Execution;
using MovieTrends.GraphQL.Execution.Limits;

namespace MovieTrends.Tests.Hostile;

/// <summary>Each limit of the pre-pass at its edge: the last document it lets through and the first it refuses.</summary>
[Trait("Layer", "Fast")]
public sealed class DocumentShapeCheckTests
{
    private static readonly GraphQLLimits Limits = new();

    [Fact]
    public void The_explorers_introspection_query_is_within_every_limit() =>
        Assert.Null(Check(IntrospectionQuery.Text));

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, "QUERY_TOO_DEEP")]
    public void Selections_may_nest_15_levels(int levels, string? code) =>
        Assert.Equal(code, Check(Nest("{ ", "a { ", "b", " }", " }", levels - 1))?.Code);

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, "QUERY_TOO_DEEP")]
    public void Fragments_may_chain_15_levels(int length, string? code) =>
        Assert.Equal(code, Check(DocumentLimitCases.FragmentChain(length))?.Code);

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, "QUERY_TOO_DEEP")]
    public void Inline_fragments_may_nest_15_levels(int levels, string? code) =>
        Assert.Equal(code, Check(Nest("{ ", "... on Query { ", "__typename", " }", " }", levels))?.Code);

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, "QUERY_TOO_DEEP")]
    public void Lists_may_nest_15_levels(int levels, string? code) =>
        Assert.Equal(code, Check(Nest("{ a(x: ", "[", "1", "]", ") }", levels))?.Code);

    [Theory]
    [InlineData(7, null)]
    [InlineData(8, "QUERY_TOO_DEEP")]
    public void Depth_adds_up_across_fragments(int levelsAboveSpread, string? code)
    {
        // B's own fields nest 8 levels: 7 above the spread make 15, 8 make 16.
        var fragment = Nest("fragment B on T { ", "a { ", "b", " }", " }", 7);

        Assert.Equal(code, Check(Nest("{ ", "a { ", "...B", " }", " } ", levelsAboveSpread) + fragment)?.Code);
    }

    [Theory]
    [InlineData(2_000, null)]
    [InlineData(2_001, "QUERY_TOO_LONG")]
    public void A_document_may_have_2000_nodes(int nodes, string? code) =>
        // Each field with one argument is three nodes (field, argument, value); the operation is one.
        Assert.Equal(code, Check("{ a(x: [" + string.Concat(Enumerable.Repeat("1 ", nodes - 4)) + "]) }")?.Code);

    [Theory]
    [InlineData(30, null)]
    [InlineData(31, "QUERY_TOO_COMPLEX")]
    public void Thirty_fields_may_share_a_response_name(int count, string? code) =>
        Assert.Equal(code, Check("{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a(x: {i}) ")) + "}")?.Code);

    [Fact]
    public void Fan_out_is_measured_without_expanding_it()
    {
        // 2^14 selections once expanded, 15 fragment levels: within the depth limit, far past the budget.
        var document = "{ ...F0 } "
            + string.Concat(Enumerable.Range(0, 14).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "))
            + "fragment F14 on Query { a }";
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal("QUERY_TOO_COMPLEX", Check(document)?.Code);
        Assert.True(stopwatch.ElapsedMilliseconds < 500, $"The check took {stopwatch.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public void A_fragment_cycle_is_found_not_followed() =>
        Assert.Equal("FRAGMENT_CYCLE", Check("{ ...A } fragment A on Q { ...B } fragment B on Q { a ...A }")?.Code);

    private static LimitBreach? Check(string document) =>
        DocumentShapeCheck.Check(new GraphQLDocumentBuilder().Build(document), Limits);

    private static string Nest(string head, string open, string inner, string close, string tail, int levels) =>
        head + string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels)) + tail;
}
