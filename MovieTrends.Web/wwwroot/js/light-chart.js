import { formatNumber } from './number-format.js';
import { paintCanvas } from './painted-canvas.js';

// A bar chart painted straight onto the canvas, for the first screen: it needs no chart library, so the first
// chart appears as soon as its data does, and painting it is one short task even on a slow phone. It draws the
// same bars, scale and axis titles as the Chart.js chart that replaces it when someone reaches for the chart
// (js/chart-upgrade.js); tooltips and hover are the library's.

export const TICK_GAP = 8;
export const TITLE_SIZE = 18;
// Chart.js's defaults (categoryPercentage 0.8 × barPercentage 0.9): bars sit where the library will put them.
const BAR_FILL = 0.72;

/**
 * Paints `spec` on `canvas`, sized to its parent, and repaints when the parent is resized.
 * spec: { horizontal, stacked, labels, datasets: [{ data, color, hidden }], max?, valueTitle?, categoryTitle?,
 * categoryTick?(index) }; colors: { text, grid }. Returns { painted, destroy(), indexAt(event), barAt(event) }: indexAt gives the bar under a pointer, or -1;
 * barAt gives it with its dataset ({ index, datasetIndex }), or null.
 */
export function paintBarChart(canvas, spec, colors) {
  const painted = paintCanvas(canvas, (context, width, height) => draw(context, width, height, spec, colors));
  return {
    painted: true,
    destroy: painted.destroy,
    indexAt(event) {
      return barAt(event)?.index ?? -1;
    },
    barAt,
  };

  function barAt(event) {
    return painted.shapes().find((bar) => event.offsetX >= bar.x && event.offsetX <= bar.x + bar.width
      && event.offsetY >= bar.y && event.offsetY <= bar.y + bar.height) ?? null;
  }
}

function draw(context, width, height, spec, colors) {
  context.fillStyle = colors.text;

  const shown = spec.datasets.filter((d) => !d.hidden);
  const count = spec.labels.length;
  const sums = spec.labels.map((_, i) => (spec.stacked
    ? shown.reduce((sum, d) => sum + Math.max(d.data[i], 0), 0)
    : Math.max(0, ...shown.map((d) => d.data[i]))));
  const valueLength = spec.horizontal ? width : height;
  const ticks = niceTicks(spec.max ?? Math.max(1, ...sums), Math.max(2, Math.floor(valueLength / 60)));
  const top = ticks.at(-1);
  const tickText = (value) => formatNumber(value, 2);
  const categoryText = (i) => String(spec.categoryTick ? spec.categoryTick(i) : spec.labels[i]);

  // The plot area: what is left after the tick labels and axis titles on the left and at the bottom.
  const leftLabels = spec.horizontal ? spec.labels.map((_, i) => categoryText(i)) : ticks.map(tickText);
  const leftTitle = spec.horizontal ? spec.categoryTitle : spec.valueTitle;
  const bottomTitle = spec.horizontal ? spec.valueTitle : spec.categoryTitle;
  const left = Math.ceil(Math.max(...leftLabels.map((t) => context.measureText(t).width))) + TICK_GAP + (leftTitle ? TITLE_SIZE : 0) + 4;
  const bottom = 12 + TICK_GAP + (bottomTitle ? TITLE_SIZE : 0) + 4;
  // Room on the right for half of the last value label, which is centred on the plot's right edge.
  const right = spec.horizontal ? Math.max(8, Math.ceil(context.measureText(tickText(top)).width / 2) + 2) : 8;
  const plot = { x: left, y: 8, width: Math.max(1, width - left - right), height: Math.max(1, height - bottom - 8) };

  drawGrid(context, spec.horizontal, plot, ticks, top, colors.grid, tickText);
  const bars = drawBars(context, spec, plot, shown, top, count);
  context.fillStyle = colors.text;
  drawCategoryTicks(context, spec.horizontal, plot, count, categoryText);
  drawTitles(context, plot, leftTitle, bottomTitle, height);
  return bars;
}

function drawGrid(context, horizontal, plot, ticks, top, gridColor, tickText) {
  context.strokeStyle = gridColor;
  context.lineWidth = 1;
  for (const value of ticks) {
    const offset = (value / top) * (horizontal ? plot.width : plot.height);
    context.beginPath();
    if (horizontal) {
      const x = Math.round(plot.x + offset) + 0.5;
      context.moveTo(x, plot.y);
      context.lineTo(x, plot.y + plot.height);
      context.textAlign = 'center';
      context.textBaseline = 'top';
      context.fillText(tickText(value), x, plot.y + plot.height + TICK_GAP / 2);
    } else {
      const y = Math.round(plot.y + plot.height - offset) + 0.5;
      context.moveTo(plot.x, y);
      context.lineTo(plot.x + plot.width, y);
      context.textAlign = 'right';
      context.textBaseline = 'middle';
      context.fillText(tickText(value), plot.x - TICK_GAP / 2, y);
    }
    context.stroke();
  }
}

function drawBars(context, spec, plot, shown, top, count) {
  const band = (spec.horizontal ? plot.height : plot.width) / count;
  const thickness = band * BAR_FILL;
  const length = spec.horizontal ? plot.width : plot.height;
  const bars = [];
  for (let i = 0; i < count; i++) {
    const start = (spec.horizontal ? plot.y : plot.x) + band * i + (band - thickness) / 2;
    let base = 0;
    for (const dataset of shown) {
      const datasetIndex = spec.datasets.indexOf(dataset);
      const value = Math.max(dataset.data[i], 0);
      const size = (value / top) * length;
      const from = spec.stacked ? base : 0;
      base += size;
      if (size <= 0) continue;
      context.fillStyle = dataset.color;
      const bar = spec.horizontal
        ? { x: plot.x + from, y: start, width: size, height: thickness }
        : { x: start, y: plot.y + plot.height - from - size, width: thickness, height: size };
      context.fillRect(bar.x, bar.y, bar.width, bar.height);
      bars.push({ ...bar, index: i, datasetIndex });
    }
  }
  return bars;
}

function drawCategoryTicks(context, horizontal, plot, count, categoryText) {
  const band = (horizontal ? plot.height : plot.width) / count;
  if (horizontal) {
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (let i = 0; i < count; i++) context.fillText(categoryText(i), plot.x - TICK_GAP / 2, plot.y + band * (i + 0.5));
    return;
  }
  // Horizontal labels, thinned out so that they never overlap.
  const widest = Math.max(...Array.from({ length: count }, (_, i) => context.measureText(categoryText(i)).width));
  const every = Math.max(1, Math.ceil((widest + TICK_GAP) / band));
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (let i = 0; i < count; i += every) context.fillText(categoryText(i), plot.x + band * (i + 0.5), plot.y + plot.height + TICK_GAP / 2);
}

export function drawTitles(context, plot, leftTitle, bottomTitle, height) {
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  if (bottomTitle) context.fillText(bottomTitle, plot.x + plot.width / 2, height - 2, plot.width);
  if (leftTitle) {
    context.save();
    context.translate(2, plot.y + plot.height / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = 'top';
    context.fillText(leftTitle, 0, 0, plot.height);
    context.restore();
  }
}

/** 0 and round steps (1, 2 or 5 × a power of ten) up to at least `max`, about `wanted` of them. */
export function niceTicks(max, wanted) {
  const rough = max / wanted;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough);
  const ticks = [];
  for (let value = 0; value < max + step / 2 && ticks.length <= wanted + 2; value += step) ticks.push(Number(value.toPrecision(12)));
  if (ticks.at(-1) < max) ticks.push(Number((ticks.at(-1) + step).toPrecision(12)));
  return ticks;
}

