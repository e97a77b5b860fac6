import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { PHONE, useApp } from './harness';
import { LabDriver } from './labDriver';

/** The machine is shared: a page's first render may take a while. */
const LOAD = { timeout: 60_000 };

describe('a classroom link', () => {
  const app = useApp();

  test(
    'the instructor picks the controls; the link shows students only those, with a way to all',
    { timeout: 300_000 },
    async () => {
      await app.open('#/lab?runs=2&b.norm=batchNorm');
      const l = new LabDriver(app.page);
      await expect.poll(() => l.tab('B').isVisible(), LOAD).toBe(true);
      await l.button('Classroom link').click();
      const picker = app.page.getByRole('dialog', { name: 'Classroom link' });
      await picker.getByRole('button', { name: 'Untick all' }).click();
      await picker.getByRole('checkbox', { name: 'Train, Step and Reset' }).check();
      await picker.getByRole('checkbox', { name: 'Normalization', exact: true }).check();
      await picker.getByRole('checkbox', { name: 'Learning rate' }).check();
      expect(await seriousViolations(app.page)).toEqual([]);
      const link = (await picker.getByRole('link').getAttribute('href'))!;
      expect(link).toMatch(/&show=train,norm,lr$/);

      const student = await app.context.newPage();
      await student.setViewportSize(PHONE);
      await student.goto(link);
      const s = new LabDriver(student);
      await expect.poll(() => s.tab('B').isVisible(), LOAD).toBe(true);
      expect(await s.button('Train').isVisible()).toBe(true);
      expect(await s.setting('Normalization').isVisible()).toBe(true);
      expect(await student.getByRole('spinbutton', { name: 'Learning rate' }).isVisible()).toBe(
        true,
      );
      for (const hidden of ['Dataset', 'Weight init', 'Speed', 'Optimizer']) {
        expect(await s.setting(hidden).count()).toBe(0);
      }
      for (const hidden of ['Add run', 'Duplicate run', 'Copy link', 'Share with the room']) {
        expect(await s.button(hidden).count()).toBe(0);
      }
      const note = student.getByRole('note', { name: 'Classroom link' });
      expect(await note.innerText()).toMatch(
        /shows 3 of the Lab's \d+ controls; \d+ more are hidden/,
      );
      expect(await seriousViolations(student)).toEqual([]);

      await note.getByRole('button', { name: 'Show all controls' }).click();
      await expect.poll(() => s.setting('Dataset').isVisible(), LOAD).toBe(true);
      expect(await s.button('Add run').isVisible()).toBe(true);
      expect(student.url()).not.toMatch(/show=/);
      await student.close();
    },
  );
});
