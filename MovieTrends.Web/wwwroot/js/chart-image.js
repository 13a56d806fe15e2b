// The chart as a PNG that stands on its own: title, range, the chart, its legend and the data's source,
// drawn onto one canvas in the page's colours. Nothing is fetched to build it.

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * @param chartCanvas the chart as drawn on screen
 * @param text { title, subtitle, source }
 * @param legend [{ label, color, hidden }]
 * @param colors { background, text }
 */
export function composeChartImage(chartCanvas, { title, subtitle, source }, legend, colors) {
  const scale = chartCanvas.width / chartCanvas.clientWidth || 1;
  const pad = Math.round(16 * scale);
  // A margin on both sides: a line chart's last year label ends at the chart canvas's very edge.
  const width = chartCanvas.width + 2 * pad;
  const line = Math.round(20 * scale);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${Math.round(13 * scale)}px ${font}`;
  const rows = legendRows(legend, measure, width - 2 * pad, scale);
  const headerHeight = pad + line * 2 + Math.round(8 * scale);
  const legendHeight = rows.length * line + pad;
  const footerHeight = line + pad;

  const image = document.createElement('canvas');
  image.width = width;
  image.height = headerHeight + chartCanvas.height + legendHeight + footerHeight;
  const context = image.getContext('2d');
  context.fillStyle = colors.background;
  context.fillRect(0, 0, image.width, image.height);
  context.textBaseline = 'top';
  context.fillStyle = colors.text;
  context.font = `bold ${Math.round(18 * scale)}px ${font}`;
  context.fillText(title, pad, pad);
  context.font = `${Math.round(14 * scale)}px ${font}`;
  context.fillText(subtitle, pad, pad + line + Math.round(4 * scale));
  context.drawImage(chartCanvas, pad, headerHeight);

  context.font = measure.font;
  const swatch = Math.round(12 * scale);
  let y = headerHeight + chartCanvas.height + Math.round(pad / 2);
  for (const row of rows) {
    for (const entry of row) {
      context.globalAlpha = entry.hidden ? 0.3 : 1;
      context.fillStyle = entry.color;
      context.fillRect(entry.x + pad, y + Math.round(3 * scale), swatch, swatch);
      context.fillStyle = colors.text;
      context.fillText(entry.hidden ? `${entry.label} (hidden)` : entry.label, entry.x + pad + swatch + Math.round(5 * scale), y + Math.round(1 * scale));
    }
    y += line;
  }
  context.globalAlpha = 1;
  context.fillStyle = colors.text;
  context.font = `${Math.round(12 * scale)}px ${font}`;
  context.fillText(source, pad, image.height - footerHeight + Math.round(2 * scale));
  return image;
}

// Legend entries laid out left to right, wrapping into as many rows as the width needs.
function legendRows(legend, measure, maxWidth, scale) {
  const rows = [[]];
  let x = 0;
  for (const entry of legend) {
    const text = entry.hidden ? `${entry.label} (hidden)` : entry.label;
    const width = Math.round(12 * scale) + Math.round(5 * scale) + measure.measureText(text).width + Math.round(16 * scale);
    if (x > 0 && x + width > maxWidth) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1).push({ ...entry, x });
    x += width;
  }
  return rows;
}
