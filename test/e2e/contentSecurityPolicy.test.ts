import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildLessonTrack } from '../../scripts/checkLessons';
import { useApp } from './harness';
import { LabDriver } from './labDriver';
import { experimentBlock, runUntilEffectShown } from './lessonPage';
import { ROOT } from './previewServer';
import { completedLessons, seedProgress } from './progress';

/** Every lesson's id, from the front-matter of lessons/*.md (the track the build bundles). */
function lessonIds(): string[] {
  const dir = resolve(ROOT, 'lessons');
  return readdirSync(dir)
    .filter((file) => /^\d+-.+\.md$/.test(file))
    .sort()
    .map((file) => {
      const id = /^id:\s*(\S+)\s*$/m.exec(readFileSync(resolve(dir, file), 'utf8'))?.[1];
      if (!id) throw new Error(`lessons/${file} has no id in its front-matter`);
      return id;
    });
}

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}

/**
 * Records every Content-Security-Policy violation the document reports, from before the app's first
 * script runs (an init script), in window.__cspViolations.
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
}

const violations = (page: Page): Promise<Violation[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);

/** Lesson 1's shortest experiment: three 4-layer MNIST networks for 100 steps. */
const EXPERIMENT = 'The loss at step 1 against ln 10';
const TRAINING = { timeout: 300_000, interval: 500 };

describe('Content-Security-Policy', () => {
  const app = useApp();

  test(
    'training in the Lab, every lesson and a lesson experiment report no violation',
    { timeout: 1_500_000 },
    async () => {
      const page = app.page;
      await recordViolations(page);
      await seedProgress(app.context, completedLessons(...lessonIds()));

      await app.open('#/lab');
      // The built page carries the policy: no inline or remote script, WebAssembly allowed.
      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      const scriptSrc = policy?.split(';').find((d) => d.trim().startsWith('script-src'));
      expect(scriptSrc?.trim()).toBe("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).toContain("worker-src 'self'");
      expect(policy).toContain("object-src 'none'");

      const lab = new LabDriver(page);
      await lab.button('Train').click();
      await expect.poll(() => lab.step(), TRAINING).toBeGreaterThan(20);
      await lab.button('Pause').click();
      expect(await violations(page)).toEqual([]);

      const ids = lessonIds();
      const track = buildLessonTrack(join(ROOT, 'lessons'), ROOT);
      const titles = new Map(track.lessons.map((l) => [l.meta.id, l.meta.title]));
      expect(ids.length).toBeGreaterThanOrEqual(5);
      for (const id of ids) {
        await app.open(`#/lessons/${id}`);
        const title = titles.get(id);
        if (title === undefined) throw new Error(`lesson ${id} is not in the bundled track`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        // Every block, not only the first batch: each may load code or styles of its own.
        await page.locator('article[aria-busy="false"]').waitFor();
        if (id === 'signal-propagation') {
          await runUntilEffectShown(experimentBlock(page, EXPERIMENT), TRAINING.timeout);
        }
        expect(await violations(page), `lesson ${id}`).toEqual([]);
      }

      // The listener does hear a violation: an inline script is refused and recorded.
      app.expectConsoleError(/inline script violates the following Content Security Policy/);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
      });
      await expect.poll(async () => (await violations(page)).length).toBe(1);
      expect((await violations(page))[0]?.directive).toBe('script-src-elem');
      expect(await page.evaluate(() => 'inlineRan' in window || '__inlineRan' in window)).toBe(
        false,
      );
    },
  );
});
