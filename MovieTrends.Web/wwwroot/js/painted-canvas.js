// A canvas the page paints itself (js/light-chart.js, js/light-lines.js): sized to its parent at the screen's
// pixel ratio and painted again when the parent's size really changes.

export const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Paints `canvas` with `paint(context, width, height)` (CSS pixels, font set, cleared), now and on every resize.
 * Returns { shapes(), destroy() }: shapes() is what the last paint returned (what a pointer can hit), [] while the
 * canvas has no size; destroy() stops repainting and leaves the canvas blank for whatever paints it next.
 */
export function paintCanvas(canvas, paint) {
  const frame = canvas.parentElement;
  const sizeOf = () => `${frame.clientWidth}x${frame.clientHeight}`;
  let size = sizeOf();
  let shapes = paintSized(canvas, paint);
  // The observer also reports the size it starts with: paint again only when it really changed.
  const resize = new ResizeObserver(() => {
    if (sizeOf() === size) return;
    size = sizeOf();
    shapes = paintSized(canvas, paint);
  });
  resize.observe(frame);
  return {
    shapes: () => shapes,
    destroy() {
      resize.disconnect();
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      for (const attribute of ['width', 'height']) canvas.removeAttribute(attribute);
      canvas.style.removeProperty('width');
      canvas.style.removeProperty('height');
    },
  };
}

function paintSized(canvas, paint) {
  const frame = canvas.parentElement;
  const width = frame.clientWidth;
  const height = frame.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  if (width === 0 || height === 0) return [];
  context.font = FONT;
  return paint(context, width, height);
}
