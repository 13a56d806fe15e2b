// The popularity request, shared by the view and the page's first request (js/first-request.js).

export const POPULARITY_QUERY = `query Popularity($year: Int!) {
  popularity(year: $year, limit: 5) {
    year movieCount
    top { ...movie }
    bottom { ...movie }
  }
}
fragment movie on Movie { id title releaseDate popularity voteAverage voteCount genres overview tmdbUrl }`;
