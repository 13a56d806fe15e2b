// Files made in the browser from what is on screen: nothing is fetched to build them.

export function downloadText(filename, text, type) {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Saves a canvas as PNG (see chart-image.js for the chart with its title, legend and source). */
export function downloadCanvas(filename, image) {
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
