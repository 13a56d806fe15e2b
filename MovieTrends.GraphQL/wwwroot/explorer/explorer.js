// Opens GraphiQL on this service's endpoint with one tab of examples per field.
// URLs are relative to the page, so the explorer works the same through the web frontend's proxy.
(function () {
  'use strict';

  var examples = [
    {
      query: [
        '# Movies per genre per year; counts[i] and totals[i] belong to years[i].',
        'query GenreTrends {',
        '  genreTrends(from: 2000, to: 2010) {',
        '    years',
        '    totals',
        '    series { genre counts total }',
        '  }',
        '}',
      ].join('\n'),
    },
    {
      query: [
        '# Only the genres you name (case-insensitive), zeros included.',
        'query ActionVersusComedy {',
        '  genreTrends(from: 1990, to: 2000, genres: ["Action", "Comedy"]) {',
        '    years',
        '    series { genre counts total }',
        '  }',
        '}',
      ].join('\n'),
    },
    {
      query: [
        '# The most and least popular movies of a year.',
        'query Popularity($year: Int!, $limit: Int!) {',
        '  popularity(year: $year, limit: $limit) {',
        '    year',
        '    movieCount',
        '    top { title releaseDate popularity voteAverage genres tmdbUrl }',
        '    bottom { title popularity }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ year: 2010, limit: 5 }, null, 2),
    },
    {
      query: [
        '# Every genre, most movies first.',
        'query Genres {',
        '  genres { name movieCount }',
        '}',
      ].join('\n'),
    },
    {
      query: [
        '# What the catalog holds.',
        'query Catalog {',
        '  catalog { movieCount undatedCount genreCount firstYear lastYear sources lastImportAt }',
        '}',
      ].join('\n'),
    },
  ];

  var container = document.getElementById('graphiql');
  var endpoint = new URL(container.dataset.endpoint, document.baseURI).pathname;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });

  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: examples,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }));
})();
