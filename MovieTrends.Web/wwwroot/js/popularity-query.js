// The popularity request, shared by the view and the page's first request (js/first-request.js).

export const POPULARITY_QUERY = `query Popularity($year: Int!, $limit: Int!) {
  popularity(year: $year, limit: $limit) {
    year movieCount
    top { ...movie }
    bottom { ...movie }
  }
}
fragment movie on Movie { id title releaseDate popularity voteAverage voteCount genres overview tmdbUrl }`;

/** The query's variables for a state; the page's first request is sent with these before the view exists. */
export function popularityVariables(state) {
  return { year: state.year, limit: state.limit };
}
