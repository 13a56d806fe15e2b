import { TICK_GAP, TITLE_SIZE, drawTitles, niceTicks } from './light-chart.js';
import { paintCanvas } from './painted-canvas.js';

// Lines painted straight onto the canvas, for a value measure (rating, runtime, money) or a comparison when the
// chart library is not there (not yet loaded, or it failed to load): the same numbers as the library's line
// chart, with a gap where a value is unknown. In place of the library's tooltips, the caller puts a readout
// (js/painted-readout.js) and, for a few lines, a legend (js/painted-legend.js).

const POINT_RADIUS = 2.5;
// How far from a point a click still opens it.
const HIT_RADIUS = 10;

/**
 * Paints `spec` on `canvas`, sized to its parent, and repaints when the parent is resized.
 * spec: { labels, datasets: [{ data (numbers or null), color, hidden, dashed }], valueTitle, tick(value) };
 * colors: { text, grid }. Returns { painted, destroy(), pointAt(event), nearestAt(event) }: the point under a
 * pointer (what a click opens), or the one nearest it however far (what a readout reads out), as
 * { index, datasetIndex }, or null.
 */
export function paintLineChart(canvas, spec, colors) {
  const painted = paintCanvas(canvas, (context, width, height) => draw(context, width, height, spec, colors));
  const nearest = (event, within) => {
    let found = null;
    let best = within;
    for (const point of painted.shapes()) {
      const distance = Math.hypot(event.offsetX - point.x, event.offsetY - point.y);
      if (distance <= best) {
        best = distance;
        found = point;
      }
    }
    return found && { index: found.index, datasetIndex: found.datasetIndex };
  };
  return {
    painted: true,
    destroy: painted.destroy,
    pointAt: (event) => nearest(event, HIT_RADIUS),
    nearestAt: (event) => nearest(event, Infinity),
  };
}

function draw(context, width, height, spec, colors) {
  const shown = spec.datasets.filter((d) => !d.hidden);
  const values = shown.flatMap((d) => d.data.filter((v) => v != null));
  const ticks = niceTicks(Math.max(0, ...values) || 1, Math.max(2, Math.floor(height / 60)));
  const top = ticks.at(-1);
  const tickTexts = ticks.map((v) => spec.tick(v));
  const left = Math.ceil(Math.max(...tickTexts.map((t) => context.measureText(t).width))) + TICK_GAP + (spec.valueTitle ? TITLE_SIZE : 0) + 4;
  const bottom = 12 + TICK_GAP + 4;
  const plot = { x: left, y: 8, width: Math.max(1, width - left - 8), height: Math.max(1, height - bottom - 8) };
  const count = spec.labels.length;
  // Points sit in the middle of equal bands, as the library's category axis puts them.
  const band = plot.width / Math.max(1, count);
  const xOf = (i) => plot.x + band * (i + 0.5);
  const yOf = (v) => plot.y + plot.height - (v / top) * plot.height;

  context.strokeStyle = colors.grid;
  context.lineWidth = 1;
  context.fillStyle = colors.text;
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  ticks.forEach((value, i) => {
    const y = Math.round(yOf(value)) + 0.5;
    context.beginPath();
    context.moveTo(plot.x, y);
    context.lineTo(plot.x + plot.width, y);
    context.stroke();
    context.fillText(tickTexts[i], plot.x - TICK_GAP / 2, y);
  });

  const widest = Math.max(...spec.labels.map((label) => context.measureText(String(label)).width));
  const every = Math.max(1, Math.ceil((widest + TICK_GAP) / band));
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (let i = 0; i < count; i += every) context.fillText(String(spec.labels[i]), xOf(i), plot.y + plot.height + TICK_GAP / 2);
  drawTitles(context, plot, spec.valueTitle, '', height);

  const points = [];
  for (const dataset of shown) {
    const datasetIndex = spec.datasets.indexOf(dataset);
    context.strokeStyle = dataset.color;
    context.fillStyle = dataset.color;
    context.lineWidth = 2;
    context.setLineDash(dataset.dashed ? [6, 4] : []);
    context.beginPath();
    let drawing = false;
    dataset.data.forEach((value, i) => {
      // An unknown value is a gap: the line stops and starts again at the next known one.
      if (value == null) {
        drawing = false;
        return;
      }
      if (drawing) context.lineTo(xOf(i), yOf(value));
      else context.moveTo(xOf(i), yOf(value));
      drawing = true;
      points.push({ x: xOf(i), y: yOf(value), index: i, datasetIndex });
    });
    context.stroke();
    context.setLineDash([]);
    for (const point of points.filter((p) => p.datasetIndex === datasetIndex)) {
      context.beginPath();
      context.arc(point.x, point.y, POINT_RADIUS, 0, 2 * Math.PI);
      context.fill();
    }
  }
  return points;
}
