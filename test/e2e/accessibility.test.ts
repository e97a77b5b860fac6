import { expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { useApp } from './harness';
import { completedLessons, seedProgress } from './progress';

const app = useApp();

/** A lesson page is long (prose, math, charts, quizzes) and axe walks all of it: slow on a busy machine. */
const LESSON_TIMEOUT = 240_000;

test('axe finds no serious or critical violations on the home page', async () => {
  await app.open('#/');
  await app.page.getByRole('region', { name: 'Lessons' }).waitFor();
  expect(await seriousViolations(app.page)).toEqual([]);
});

test(
  'axe finds no serious or critical violations on an open lesson',
  async () => {
    await seedProgress(app.context, completedLessons('signal-propagation', 'initialization'));
    await app.open('#/lessons/batch-normalization');
    await app.page
      .getByRole('heading', { level: 2, name: 'Quiz' })
      .waitFor({ timeout: LESSON_TIMEOUT / 2 });
    // Blocks arrive a few at a time: check the whole lesson, once the article has every block.
    await app.page.locator('article[aria-busy="false"]').waitFor({ timeout: LESSON_TIMEOUT / 2 });
    expect(await seriousViolations(app.page)).toEqual([]);
  },
  LESSON_TIMEOUT,
);
