using Microsoft.Extensions.Primitives;
using MovieTrends.GraphQL.Http;

namespace MovieTrends.Tests.GraphQL;

/// <summary>Accept-Encoding as RFC 9110 reads it, for the one coding the service sends.</summary>
[Trait("Layer", "Fast")]
public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("GZIP")]
    [InlineData("x-gzip")]
    [InlineData("gzip, deflate, br, zstd")]
    [InlineData("br;q=1.0, gzip;q=0.5")]
    [InlineData("gzip ; q=0.001")]
    [InlineData("*")]
    [InlineData("br, *;q=0.1")]
    [InlineData("gzip;Q=1")]
    public void Gzip_is_accepted(string header) => Assert.True(AcceptEncoding.AcceptsGzip(new StringValues(header)));

    [Theory]
    [InlineData("")]
    [InlineData("identity")]
    [InlineData("br, deflate")]
    [InlineData("gzip;q=0")]
    [InlineData("gzip;q=0.000")]
    [InlineData("*;q=0")]
    [InlineData("gzip;q=0, *")]
    [InlineData("gzip;q=abc")]
    [InlineData("gzip;q=2")]
    [InlineData("gzip;q=-1")]
    [InlineData("gzipped")]
    public void Gzip_is_not_accepted(string header) => Assert.False(AcceptEncoding.AcceptsGzip(new StringValues(header)));

    [Fact]
    public void No_header_accepts_nothing_but_the_body_as_it_is() => Assert.False(AcceptEncoding.AcceptsGzip(StringValues.Empty));

    [Fact]
    public void A_later_header_line_counts_as_part_of_the_same_list()
    {
        Assert.True(AcceptEncoding.AcceptsGzip(new StringValues(["br", "gzip"])));
        Assert.False(AcceptEncoding.AcceptsGzip(new StringValues(["*", "gzip;q=0"])));
    }
}
