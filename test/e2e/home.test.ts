import { expect, test } from 'vitest';
import { useApp } from './harness';

const app = useApp();

test('home: the app starts with its heading and no console errors', async () => {
  await app.open();
  const heading = app.page.getByRole('heading', { level: 1 });
  expect(await heading.textContent()).toMatch(/normlab/i);
  expect(await app.page.title()).toBe('normlab');
  expect(app.errors).toEqual([]);
});
