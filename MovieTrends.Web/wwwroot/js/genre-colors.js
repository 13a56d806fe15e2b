// One colour per genre, the same everywhere (chart, legend, table, PNG), from colour-blind-safe palettes:
// Okabe & Ito's eight, then Paul Tol's "muted" and "light" schemes. The most common genres get the most
// distinguishable colours.
const fixed = {
  Drama: '#0072B2',
  Comedy: '#E69F00',
  Thriller: '#009E73',
  Action: '#D55E00',
  Romance: '#CC79A7',
  Adventure: '#56B4E9',
  Crime: '#332288',
  'Science Fiction': '#F0E442',
  Horror: '#882255',
  Family: '#44AA99',
  Fantasy: '#AA4499',
  Mystery: '#999933',
  Animation: '#88CCEE',
  History: '#DDCC77',
  Music: '#CC6677',
  War: '#117733',
  Documentary: '#BBCC33',
  Western: '#EE8866',
  Foreign: '#777777',
  'TV Movie': '#BBBBBB',
};

// On the dark theme's background Crime's indigo and Horror's wine are too dark to see (1.5:1 and 2.1:1, under
// the 3:1 a chart's lines and bars need): the same hues lightened, used wherever the dark theme shows them
// (chart, legend, table, PNG, whose background is the theme's).
const onDark = {
  '#332288': '#7B6FD6', // Crime
  '#882255': '#D04A70', // Horror
};

const darkTheme = matchMedia('(prefers-color-scheme: dark)');

// For a genre a future import adds: a stable pick from the same palettes, by name.
const spare = Object.values(fixed);

export function genreColor(genre) {
  const color = paletteColor(genre);
  return darkTheme.matches ? onDark[color] ?? color : color;
}

function paletteColor(genre) {
  if (fixed[genre]) return fixed[genre];
  let hash = 0;
  for (const char of genre) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return spare[hash % spare.length];
}
