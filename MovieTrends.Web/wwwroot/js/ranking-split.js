/**
 * The bottom list without the movies already in the top list: in a thin year (fewer movies than twice the
 * limit) the API's two rankings overlap, and the same title under both headings reads as an error.
 */
export function distinctBottom(report) {
  const inTop = new Set(report.top.map((movie) => movie.id));
  return report.bottom.filter((movie) => !inTop.has(movie.id));
}
