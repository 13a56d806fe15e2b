// Files made in the browser from what is on screen: nothing is fetched to build them.

export function downloadText(filename, text, type) {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Saves a chart as PNG on the page's background colour, so it stays readable in any image viewer. */
export function downloadCanvas(filename, canvas, background) {
  const image = document.createElement('canvas');
  image.width = canvas.width;
  image.height = canvas.height;
  const context = image.getContext('2d');
  context.fillStyle = background;
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(canvas, 0, 0);
  image.toBlob((blob) => {
    if (blob) downloadBlob(filename, blob);
  }, 'image/png');
}

function downloadBlob(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A CSV row with each field quoted when it needs to be (RFC 4180). */
export function csvRow(fields) {
  return fields.map((field) => {
    const text = String(field ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(',');
}
