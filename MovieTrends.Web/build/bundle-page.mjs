// Bundles the page's JavaScript modules (wwwroot/js) into two minified scripts and writes the page,
// wwwroot/index.html: Page/index.html with the boot script and the stylesheet (Page/site.css) in place of its two
// placeholder elements.
// - The boot script, js/first-request.js and the few modules it needs, is a classic script first in the page's
//   head, so it runs the moment the parser reaches it, before the rest of the HTML is parsed, styled and laid
//   out, and the first view's request leaves then, without waiting for a file of its own.
// - wwwroot/bundle/page.js (entry app.js), everything else, is a module.
// Both carry their own copy of the modules they share (graphql.js, url-state.js, ...); the state the two must
// share is kept where both find it (the early-answer store on the window, the marks in the performance timeline).
// A first visit fetches one script file instead of thirty: on a phone's network every separate module is another
// round trip before the first chart.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// Paths from the project folder; the URL is the one the page is served under.
const SOURCE_FOLDER = 'wwwroot/js';
const BOOT_ENTRY = 'wwwroot/js/first-request.js';
const BOOT_FILE = 'wwwroot/bundle/boot.js';
const BOOT_MAP_FILE = `${BOOT_FILE}.map`;
// The page's URL is the site's root, so this is where the browser's developer tools look for the map.
const BOOT_MAP_URL = 'bundle/boot.js.map';
const PAGE_SOURCE = 'Page/index.html';
const STYLE_SOURCE = 'Page/site.css';
const PAGE_OUTPUT = 'wwwroot/index.html';
const BOOT_PLACEHOLDER = '<script data-boot-script></script>';
const STYLE_PLACEHOLDER = '<style data-page-style></style>';
const PAGE_ENTRY = 'wwwroot/js/app.js';
const PAGE_FILE = 'wwwroot/bundle/page.js';
// Page/CatalogLimitsScript.cs writes this one from the catalog's constants.
const CATALOG_LIMITS_URL = '/js/catalog-limits.js';

const options = {
  bundle: true,
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};

// js/catalog-limits.js is written by the web server, so it is not a file to bundle: every import of it stays an
// import of the server's URL.
const serverModules = {
  name: 'server-modules',
  setup(bundler) {
    bundler.onResolve({ filter: /(^|\/)catalog-limits\.js$/ }, () => ({ path: CATALOG_LIMITS_URL, external: true }));
  },
};

const boot = await build({
  ...options,
  entryPoints: [BOOT_ENTRY],
  outfile: BOOT_FILE,
  format: 'iife',
  sourcemap: 'external',
  write: false,
  plugins: [serverModules],
});

// A classic script cannot import: the boot script must not need the server's module (nor any other import).
const bootImports = Object.values(boot.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
if (bootImports.length > 0) {
  throw new Error(`${BOOT_ENTRY} must not import ${bootImports.join(', ')}: the boot script is a classic script.`);
}

const bootCode = boot.outputFiles.find((file) => file.path.endsWith('.js')).text;
const bootMap = boot.outputFiles.find((file) => file.path.endsWith('.map')).text;
const style = await readFile(STYLE_SOURCE, 'utf8');
const pageSource = await readFile(PAGE_SOURCE, 'utf8');
const generatedNote = `<!-- Written by build/bundle-page.mjs from ${PAGE_SOURCE} and ${STYLE_SOURCE}: edit those, not this file. -->`;
const pageHtml = [
  [BOOT_PLACEHOLDER, 'script', `${bootCode.trimEnd()}\n//# sourceMappingURL=${BOOT_MAP_URL}\n`],
  [STYLE_PLACEHOLDER, 'style', style],
].reduce((html, [placeholder, element, content]) => {
  if (html.split(placeholder).length !== 2) {
    throw new Error(`${PAGE_SOURCE} must hold ${placeholder} exactly once: the build writes the page's ${element} there.`);
  }
  // The HTML parser ends the element at the first "</script" or "</style", wherever it stands in the content.
  if (content.toLowerCase().includes(`</${element}`)) {
    throw new Error(`The page's ${element} contains "</${element}", which would end it early.`);
  }
  return html.replace(placeholder, () => `<${element}>${content}</${element}>`);
}, pageSource).replace(/^<!doctype html>\n/i, (doctype) => `${doctype}${generatedNote}\n`);
await mkdir(dirname(BOOT_MAP_FILE), { recursive: true });
await writeFile(BOOT_MAP_FILE, bootMap);
await writeFile(PAGE_OUTPUT, pageHtml);

const page = await build({
  ...options,
  entryPoints: [PAGE_ENTRY],
  outfile: PAGE_FILE,
  format: 'esm',
  plugins: [serverModules],
});

// The boot entry sends the first requests when it runs: in the page's script it would send them a second time.
if (Object.keys(page.metafile.inputs).includes(BOOT_ENTRY)) {
  throw new Error(`${PAGE_ENTRY} imports ${BOOT_ENTRY.slice(SOURCE_FOLDER.length + 1)}, which sends the first requests: import js/first-view.js instead.`);
}
