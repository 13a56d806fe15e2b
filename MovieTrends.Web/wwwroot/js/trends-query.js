// The genre-trends request, shared by the view and the page's first request (js/first-request.js).

export const TRENDS_QUERY = `query GenreTrends($from: Int!, $to: Int!, $genres: [String!]) {
  genreTrends(from: $from, to: $to, genres: $genres) { from to years totals series { genre counts total } }
}`;

/** The query's variables for a state; the page's first request is sent with these before the view exists. */
export function trendsVariables(state) {
  return { from: state.from, to: state.to, genres: state.genres };
}
