// Chart colours follow the page's light or dark theme (CSS custom properties), and charts are redrawn
// when the operating system switches theme.

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

export function themeColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    background: read('--bg'),
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--grid'),
    top: read('--top-bar'),
    bottom: read('--bottom-bar'),
  };
}

export function onThemeChange(callback) {
  darkQuery.addEventListener('change', callback);
}

/** Paints the page background under the chart, so a downloaded PNG is readable on any viewer. */
export const backgroundPlugin = {
  id: 'pageBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = themeColors().background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Shared scale and font options for every chart on the page. */
export function baseOptions() {
  const colors = themeColors();
  const Chart = window.Chart;
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 300 },
    plugins: { legend: { display: false } },
  };
}
