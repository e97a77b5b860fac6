import { describe, expect, test } from 'vitest';
import { useApp } from './harness';

/** The first lesson is open to everyone, so its questions can be answered from a fresh start. */
const LESSON = '#/lessons/signal-propagation';

describe('Progress in two tabs at once', () => {
  const app = useApp();

  test(
    'answers given in two tabs are both kept, in each tab and after reloading both',
    { timeout: 300_000 },
    async () => {
      const first = app.page;
      await app.open(LESSON);
      const second = await app.context.newPage();
      await second.goto(first.url());
      const questions = (page: typeof first) => page.getByRole('region', { name: /^Question / });
      // A lesson's blocks arrive a few at a time; its article is busy until all have, in each tab.
      for (const page of [first, second])
        await page.locator('article[aria-busy="false"]').waitFor();
      expect(await questions(first).count()).toBeGreaterThanOrEqual(2);
      expect(await questions(second).count()).toBe(await questions(first).count());

      const answer = async (page: typeof first, index: number) => {
        const question = questions(page).nth(index);
        await question.getByRole('radio').first().check();
        await question.getByRole('button', { name: 'Check answer' }).click();
        await expect
          .poll(() => question.getByRole('status').innerText())
          .toMatch(/^(Correct|Not correct)\./);
      };
      // Each tab answers a different question, without reloading in between.
      await answer(first, 0);
      await answer(second, 1);

      const answered = async (page: typeof first, index: number) =>
        /^(Correct|Not correct)\./.test(
          await questions(page).nth(index).getByRole('status').innerText(),
        );
      // The storage event brings the other tab's answer into each open tab.
      await expect.poll(() => answered(first, 1)).toBe(true);
      await expect.poll(() => answered(second, 0)).toBe(true);

      await app.reload();
      await second.reload();
      for (const page of [first, second]) {
        await questions(page).first().waitFor();
        expect(await answered(page, 0)).toBe(true);
        expect(await answered(page, 1)).toBe(true);
      }
      await second.close();
    },
  );
});
