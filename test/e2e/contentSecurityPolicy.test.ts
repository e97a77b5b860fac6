import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { LabDriver } from './labDriver';

/** Every lesson's id, read from the lesson files' front matter. */
const LESSON_IDS = readdirSync('lessons')
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => /^id: (\S+)$/m.exec(readFileSync(`lessons/${f}`, 'utf8'))?.[1])
  .filter((id): id is string => id !== undefined);

describe('Content-Security-Policy', () => {
  const app = useApp();

  test(
    'the built app carries the policy, trains in the Lab and opens every lesson with zero violations',
    { timeout: 600_000 },
    async () => {
      const violations: string[] = [];
      app.page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await app.context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => {
          seen.push(`${event.violatedDirective}: ${event.blockedURI}`);
        });
      });
      const reported = () =>
        app.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

      await app.open('#/lab');
      const policy = await app.page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).not.toMatch(/unsafe-eval'(?!.*wasm)|'unsafe-inline'[^;]*;.*script/);
      const lab = new LabDriver(app.page);
      await lab.button('Train').click();
      await expect.poll(() => lab.step(), { timeout: 120_000 }).toBeGreaterThan(20);
      await lab.button('Pause').click();
      expect(await reported()).toEqual([]);

      expect(LESSON_IDS.length).toBeGreaterThanOrEqual(5);
      for (const id of LESSON_IDS) {
        await app.open(`#/lessons/${id}?instructor=1`);
        await app.page.getByRole('heading', { level: 1 }).waitFor();
        await app.page.locator('.katex').first().waitFor();
        expect(await reported()).toEqual([]);
      }
      expect(violations).toEqual([]);
    },
  );
});
