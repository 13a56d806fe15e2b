// Chart colours follow the page's light or dark theme (CSS custom properties). They are read once per
// theme, not on every draw, and charts are redrawn when the operating system switches theme.

const darkQuery = matchMedia('(prefers-color-scheme: dark)');
let colors = null;

darkQuery.addEventListener('change', () => {
  colors = null;
});

export function themeColors() {
  if (!colors) {
    const style = getComputedStyle(document.documentElement);
    const read = (name) => style.getPropertyValue(name).trim();
    colors = {
      background: read('--bg'),
      text: read('--text'),
      grid: read('--grid'),
      top: read('--top-bar'),
      bottom: read('--bottom-bar'),
    };
  }
  return colors;
}

export function onThemeChange(callback) {
  darkQuery.addEventListener('change', callback);
}

/**
 * Shared options for every chart on the page. No animation: the bars appear at once, and the page's
 * main thread stays free for input (animating hundreds of stacked bars costs frames on slow phones).
 */
export function baseOptions() {
  const { text, grid } = themeColors();
  const Chart = window.Chart;
  Chart.defaults.color = text;
  Chart.defaults.borderColor = grid;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // Labels arrive sorted and unique: lets Chart.js skip re-sorting and re-parsing on every update.
    normalized: true,
    plugins: { legend: { display: false } },
  };
}
