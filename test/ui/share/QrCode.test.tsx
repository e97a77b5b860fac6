// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import { QrCode, qrModulesPath, QUIET_ZONE } from '../../../src/ui/share/QrCode';

/** Paints the code's path (only "M x yh1v1h-1z" squares) into RGBA pixels, `scale` pixels a module. */
function rasterize(text: string, scale: number): { data: Uint8ClampedArray; width: number } {
  const { path, size } = qrModulesPath(text);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
    }
  }
  return { data, width };
}

describe('QrCode', () => {
  afterEach(cleanup);

  const link =
    'https://normlab.example.edu/course/#/lab?runs=4&a.data=mnist14&a.lr=0.1&b.norm=batchNorm&c.init=xavierNormal&d.norm=batchNorm&d.init=xavierNormal&log=1';

  it('draws a code that a QR reader decodes back to the link', () => {
    const { data, width } = rasterize(link, 4);
    expect(jsQR(data, width, width)?.data).toBe(link);
  });

  it('keeps a quiet zone of four blank modules on every side', () => {
    const { path, size } = qrModulesPath(link);
    const coords = [...path.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [
      Number(x),
      Number(y),
    ]);
    expect(Math.min(...coords)).toBe(QUIET_ZONE);
    expect(Math.max(...coords)).toBe(size - QUIET_ZONE - 1);
  });

  it('is an image named for what it links to, black on white', () => {
    render(<QrCode text={link} label="QR code of the link to these runs" />);
    const image = screen.getByRole('img', { name: 'QR code of the link to these runs' });
    expect(image.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(image.querySelector('path')?.getAttribute('fill')).toBe('#000000');
  });
});
