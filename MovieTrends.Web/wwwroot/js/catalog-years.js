// The years the catalog holds (from `catalog { firstYear lastYear }`), so messages about empty results and
// out-of-range years can say what the data covers instead of quoting the API's much wider limits.

let years = null;

export function setCatalogYears(first, last) {
  years = first != null && last != null ? { first, last } : null;
}

export function catalogYears() {
  return years;
}

/** "The catalog covers 1916–2017." when the catalog was read, else nothing. */
export function coverageSentence() {
  return years ? ` The catalog covers ${years.first}–${years.last}.` : '';
}
