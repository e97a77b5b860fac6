import { useEffect, useRef } from 'react';
import { formatNumber } from '../../charts/format';
import type { LayerActivation } from '../../../worker/protocol';

/** Cells are at least this wide; a wide layer wraps into rows. */
const CELL = 6;
const MAX_COLUMNS = 64;

/** Diverging colour: blue for negative, orange for positive, white at zero, scaled by `limit`. */
function cellColour(v: number, limit: number): [number, number, number] {
  const t = limit > 0 ? Math.max(-1, Math.min(1, v / limit)) : 0;
  const towards = t < 0 ? [0, 114, 178] : [230, 159, 0];
  const a = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(255 + (towards[i]! - 255) * a)) as [
    number,
    number,
    number,
  ];
}

/** One layer's output for one input: a row of coloured cells and, for screen readers, its numbers. */
export function LayerStrip({ layer }: { readonly layer: LayerActivation }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { values } = layer;
  const columns = Math.min(MAX_COLUMNS, values.length);
  const rows = Math.ceil(values.length / Math.max(1, columns));
  let limit = 0;
  let positive = 0;
  let sum = 0;
  for (const v of values) {
    limit = Math.max(limit, Math.abs(v));
    if (v > 0) positive++;
    sum += v;
  }
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(columns, rows);
    for (let i = 0; i < rows * columns; i++) {
      const [r, g, b] = i < values.length ? cellColour(values[i]!, limit) : [240, 240, 240];
      image.data.set([r, g, b, 255], 4 * i);
    }
    context.putImageData(image, 0, 0);
  }, [values, columns, rows, limit]);
  const what = layer.kind === 'channels' ? 'channel means' : 'values';
  return (
    <div className="nl-layer-strip">
      <span className="nl-layer-strip__name">
        {layer.name} <span className="nl-note">({layer.label})</span>
      </span>
      <canvas
        ref={ref}
        className="nl-layer-strip__cells"
        width={columns}
        height={rows}
        style={{ width: columns * CELL, height: rows * CELL }}
        aria-hidden="true"
      />
      <span className="nl-note">
        {values.length} {what}, mean {formatNumber(values.length > 0 ? sum / values.length : 0)},
        largest |value| {formatNumber(limit)}, {positive} above zero
      </span>
    </div>
  );
}
