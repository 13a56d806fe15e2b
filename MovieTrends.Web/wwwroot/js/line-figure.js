import { baseOptions, themeColors } from './chart-theme.js';
import { paintLineChart } from './light-lines.js';
import { paintedLegend } from './painted-legend.js';
import { paintedReadout } from './painted-readout.js';

// A small line chart of a few labelled lines (the comparisons): the chart library's when it is there, else
// painted without it (js/light-lines.js), with a legend and a readout of the points in place of the library's,
// so the numbers are on screen either way. `data-chart` on the figure holds the drawn numbers.

/**
 * draw({ labels, lines: [{ label, data, color, dashed, cell(i) }], axis, tick(value), name }) replaces the chart;
 * `name` is its accessible name, a line's `cell(i)` its value at `i` as the table writes it (else the axis tick).
 * clear() takes it away.
 */
export function createLineFigure(canvas, figure) {
  let chart = null;

  function draw({ labels, lines, axis, tick, name }) {
    chart?.destroy();
    chart = window.Chart ? libraryChart(labels, lines, axis, tick) : paintedChart(labels, lines, axis, tick);
    canvas.setAttribute('aria-label', name);
    figure.dataset.chart = JSON.stringify({ labels, datasets: lines.map(({ label, data }) => ({ label, data })) });
  }

  function paintedChart(labels, lines, axis, tick) {
    const painted = paintLineChart(canvas, {
      labels,
      datasets: lines.map((line) => ({ data: line.data, color: line.color, dashed: line.dashed })),
      valueTitle: axis,
      tick,
    }, themeColors());
    const legend = paintedLegend(figure, lines);
    const readout = paintedReadout(canvas, figure, {
      lines: () => lines.map((_, i) => i),
      years: labels.length,
      describe: (line, i) => {
        const value = lines[line].data[i];
        const text = lines[line].cell?.(i) ?? (value == null ? 'no value' : tick(value));
        return `${lines[line].label}, ${labels[i]}: ${text}.`;
      },
      pointAt: painted.nearestAt,
    });
    return {
      ...painted,
      destroy() {
        readout.destroy();
        legend.remove();
        painted.destroy();
      },
    };
  }

  function libraryChart(labels, lines, axis, tick) {
    const options = baseOptions();
    // A few lines only: a legend says which is which without a row of toggles.
    options.plugins.legend = { display: true, position: 'top', align: 'start' };
    options.scales = {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
      y: { beginAtZero: true, title: { display: true, text: axis }, ticks: { callback: (value) => tick(value) } },
    };
    const datasets = lines.map((line) => ({
      label: line.label,
      data: line.data,
      borderColor: line.color,
      backgroundColor: line.color,
      borderDash: line.dashed ? [6, 4] : [],
      spanGaps: false,
      pointRadius: 2,
    }));
    return new window.Chart(canvas, { type: 'line', data: { labels, datasets }, options });
  }

  function clear() {
    chart?.destroy();
    chart = null;
    delete figure.dataset.chart;
  }

  return { draw, clear };
}
