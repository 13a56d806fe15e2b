// The legend of a line chart painted without the library (js/light-lines.js): the library's words and colours,
// a dashed line shown dashed, so two lines of one colour (one genre under two filters) stay told apart.

/** Puts the legend of `lines` ([{ label, color, dashed }]) above `figure`, where the library puts its own; returns it, to remove. */
export function paintedLegend(figure, lines) {
  const legend = document.createElement('ul');
  legend.className = 'painted-legend';
  legend.setAttribute('aria-label', 'Lines on the chart');
  for (const line of lines) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'painted-legend-line';
    swatch.style.borderTopColor = line.color;
    swatch.style.borderTopStyle = line.dashed ? 'dashed' : 'solid';
    item.append(swatch, line.label);
    legend.append(item);
  }
  figure.before(legend);
  return legend;
}
