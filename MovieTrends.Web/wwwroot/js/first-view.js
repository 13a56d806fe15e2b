// What the first view starts from, shared by the boot script (js/first-request.js) and the page (js/app.js).

export const CATALOG_QUERY = `query Catalog($dataset: ID) {
  catalog(dataset: $dataset) { firstYear lastYear } genres(dataset: $dataset) { name movieCount }
  datasets { id name movieCount firstYear lastYear measures filters isDefault }
}`;

/** Defaults inside the catalog's years (app.js moves them into a catalog that does not hold them). */
export const PREFERRED = { from: 1990, to: 2016, year: 2010 };
export const FIRST_CHOICES = { view: 'trends', mode: 'counts', display: 'chart' };
