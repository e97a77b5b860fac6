import { expect, test } from 'vitest';
import { useApp } from './harness';

const app = useApp();

test('home: the app starts with a page heading and no console errors', async () => {
  await app.open();
  expect(await app.page.title()).toMatch(/normlab/i);
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(app.errors).toEqual([]);
});
