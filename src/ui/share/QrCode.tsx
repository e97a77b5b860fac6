import { useMemo } from 'react';
import { create } from 'qrcode';

/** The blank border a reader needs around the code: four modules, as the QR standard asks. */
export const QUIET_ZONE = 4;

export interface QrCodeProps {
  /** What the code holds: an absolute link. */
  readonly text: string;
  /** The image's accessible name. */
  readonly label: string;
  readonly className?: string | undefined;
}

/**
 * The module path of a QR code: one unit square per dark module, offset by the quiet zone, as one
 * SVG path (a few kilobytes even for a long link, and sharp at any size on a projector).
 */
export function qrModulesPath(text: string): { path: string; size: number } {
  // Level M (15 % of the code may be damaged) reads reliably from a phone at a distance while keeping
  // a 300-character link at version 10 or below, whose modules stay large on screen.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { path: parts.join(''), size: modules.size + 2 * QUIET_ZONE };
}

/** A QR code as an SVG drawn in black on white, its quiet zone included, scaled to its box. */
export function QrCode({ text, label, className }: QrCodeProps) {
  const { path, size } = useMemo(() => qrModulesPath(text), [text]);
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
