using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Foundation;

[Collection("app")]
public sealed class AppStartupTests(AppFixture app)
{
    [Theory]
    [InlineData("graphql")]
    [InlineData("web")]
    public async Task Service_answers_its_readiness_probe(string service)
    {
        using var client = app.CreateHttpClient(service);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
