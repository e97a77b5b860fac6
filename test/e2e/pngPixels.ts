import type { Page } from 'playwright-core';

/** An image's pixels, four bytes (r, g, b, a) each, row by row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/**
 * Decodes a PNG as the browser does (createImageBitmap drawn on an OffscreenCanvas in `page`), never
 * as the page that made it says it should look.
 */
export async function decodePng(page: Page, png: Buffer): Promise<Pixels> {
  const { width, height, rgba } = await page.evaluate(async (base64) => {
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], {
      type: 'image/png',
    });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let text = '';
    for (let i = 0; i < pixels.length; i += 0x8000) {
      text += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    }
    return { width: bitmap.width, height: bitmap.height, rgba: btoa(text) };
  }, png.toString('base64'));
  return { width, height, rgba: new Uint8ClampedArray(Buffer.from(rgba, 'base64')) };
}

/** How many pixels of `picture` pass `test` (given their colour and their index, row by row). */
export function countPixels(
  picture: Pixels,
  test: (r: number, g: number, b: number, index: number) => boolean,
): number {
  const { rgba } = picture;
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (test(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, i / 4)) count++;
  }
  return count;
}

/** The first pixel's colour and alpha: a chart's background. */
export const cornerPixel = (picture: Pixels): number[] => [...picture.rgba.slice(0, 4)];
