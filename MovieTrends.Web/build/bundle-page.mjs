// Bundles the page's JavaScript modules (wwwroot/js, entry app.js) into one minified module,
// wwwroot/bundle/page.js, so a first visit fetches one script instead of thirty: on a phone's
// network every separate module is another round trip before the first chart.
import { build } from 'esbuild';

// Paths from the project folder; the URL is the one Page/CatalogLimitsScript.cs serves.
const SOURCE_ENTRY = 'wwwroot/js/app.js';
const BUNDLE_FILE = 'wwwroot/bundle/page.js';
const CATALOG_LIMITS_URL = '/js/catalog-limits.js';

// js/catalog-limits.js is written by the web server from the catalog's constants, so it is not a file to
// bundle: every import of it stays an import of the server's URL.
const serverModules = {
  name: 'server-modules',
  setup(bundler) {
    bundler.onResolve({ filter: /(^|\/)catalog-limits\.js$/ }, () => ({ path: CATALOG_LIMITS_URL, external: true }));
  },
};

await build({
  entryPoints: [SOURCE_ENTRY],
  outfile: BUNDLE_FILE,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  plugins: [serverModules],
  logLevel: 'warning',
});
