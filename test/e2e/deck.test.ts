import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { useApp } from './harness';
import { holdTraining, trainingCommands } from './holdTraining';

/** A projector. */
const PROJECTOR = { width: 1280, height: 720 };
/** Lesson 1's first experiment trains two MNIST networks (one of 20 layers) on a shared machine. */
const TRAINING = { timeout: 300_000 };
/**
 * Its 400 steps take about a second and a half on an idle machine: each time it trains here, it is
 * held after this many more steps (holdTraining.ts, a multiple of its validationEvery of 100), so
 * the speaker's Pause always finds it training.
 */
const HELD = 100;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('Lesson 1 as a lecture deck, driven from the speaker view', () => {
  const app = useApp(PROJECTOR);

  test(
    'the speaker window steps the audience window end to end, starts and pauses its training and reveals an answer',
    { timeout: 900_000 },
    async () => {
      await holdTraining(app.context, HELD);
      await app.open('#/lessons/signal-propagation');
      const audience = app.page;
      await audience.getByRole('link', { name: 'Present this lesson' }).click();
      await audience.getByText(/^Scene 1 of \d+$/).waitFor();
      expect(await heading(audience).innerText()).toBe('Why deep networks stall');
      expect(await audience.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      expect(await seriousViolations(audience)).toEqual([]);
      const count = Number(
        /of (\d+)/.exec(await audience.getByText(/^Scene 1 of/).innerText())![1],
      );

      const speakerOpened = Date.now();
      const [speaker] = await Promise.all([
        app.context.waitForEvent('page'),
        audience.getByRole('button', { name: 'Open speaker view' }).click(),
      ]);
      const speakerErrors: string[] = [];
      speaker.on('pageerror', (error) => speakerErrors.push(error.message));
      speaker.on('console', (message) => {
        if (message.type() === 'error') speakerErrors.push(message.text());
      });
      await speaker.setViewportSize(PROJECTOR);
      await speaker.getByText('The audience window follows this one.').waitFor();
      expect(await heading(speaker).innerText()).toBe(
        `Scene 1 of ${count}: Why deep networks stall`,
      );
      expect(await speaker.getByRole('region', { name: 'Notes' }).innerText()).toMatch(
        /Here is the situation this track is built around/,
      );
      expect(await speaker.getByRole('region', { name: 'Next' }).innerText()).toMatch(
        /A deep network that never leaves the starting line/,
      );
      // The clock counts from the speaker view's opening: never more than the time since then.
      const clock = /Time\s+\d\d:\d\d\s+Elapsed\s+(\d+):(\d\d)/.exec(
        await speaker.getByRole('group', { name: 'Clock' }).innerText(),
      );
      expect(clock).not.toBeNull();
      const elapsed = Number(clock![1]) * 60 + Number(clock![2]);
      expect(elapsed).toBeLessThanOrEqual(Math.ceil((Date.now() - speakerOpened) / 1000));
      expect(await speaker.getByRole('region', { name: 'Shortcuts' }).innerText()).toMatch(
        /Page Down, → or ↓\s+Next scene/,
      );
      expect(await seriousViolations(speaker)).toEqual([]);

      // The clicker's Page Down in the speaker window: the room sees the experiment, untrained.
      await speaker.keyboard.press('PageDown');
      await audience
        .getByRole('heading', {
          level: 1,
          name: 'A deep network that never leaves the starting line',
        })
        .waitFor();
      expect(await audience.getByText(`Scene 2 of ${count}`).count()).toBe(1);
      await speaker.getByText('Not started.').waitFor();
      expect(await speaker.getByRole('region', { name: 'Notes' }).innerText()).toMatch(
        /Ask the room to predict first[\s\S]*Both networks below are plain MLPs/,
      );
      const runs = audience.getByRole('list', { name: 'Runs' });
      expect(await runs.innerText()).toMatch(/20 layers[\s\S]*2 layers/);
      expect(await seriousViolations(audience)).toEqual([]);

      // Space in the speaker window trains in the audience window; its Pause pauses it there, its
      // Start training resumes it and Space pauses it again.
      const progress = audience.getByRole('list', { name: 'Run progress' });
      const bothRuns = async (state: string) => {
        for (const run of ['20 layers', '2 layers'])
          await progress.getByText(`${run}: ${state} of 400`, { exact: false }).waitFor(TRAINING);
      };
      await speaker.keyboard.press(' ');
      await audience.getByRole('button', { name: 'Pause' }).waitFor();
      await bothRuns(`training, step ${HELD}`);
      await speaker.getByText(`Training: step ${HELD} of 400.`).waitFor();
      await speaker.getByRole('button', { name: 'Pause training' }).click();
      await audience.getByRole('button', { name: 'Resume' }).waitFor();
      await bothRuns(`paused at step ${HELD}`);
      await speaker.getByText(`Paused at step ${HELD} of 400.`).waitFor();
      await speaker.getByRole('button', { name: 'Start training' }).click();
      await audience.getByRole('button', { name: 'Pause' }).waitFor();
      await bothRuns(`training, step ${2 * HELD}`);
      await speaker.keyboard.press(' ');
      await audience.getByRole('button', { name: 'Resume' }).waitFor();
      await bothRuns(`paused at step ${2 * HELD}`);
      await speaker.getByText(`Paused at step ${2 * HELD} of 400.`).waitFor();
      // Each run's worker was told exactly that: train 400 steps, pause, the remaining 300, pause.
      const told = ['configure', 'step 400', 'pause', `step ${400 - HELD}`, 'pause'];
      expect(await trainingCommands(audience)).toEqual([told, told]);

      // Every scene, one press at a time, to the first question.
      const jump = speaker.getByLabel('Go to scene');
      const options = await jump.locator('option').allInnerTexts();
      const firstQuestion = options.findIndex((text) => text.endsWith('Question 1 of 6'));
      expect(firstQuestion).toBeGreaterThan(2);
      for (let scene = 2; scene < firstQuestion; scene++) {
        await speaker.keyboard.press('ArrowRight');
        await audience.getByText(`Scene ${scene + 1} of ${count}`).waitFor();
        expect(await heading(audience).innerText()).toBe(options[scene]!.replace(/^\d+\. /, ''));
      }
      await speaker.keyboard.press('PageDown');
      await audience.getByRole('heading', { level: 1, name: 'Question 1 of 6' }).waitFor();
      expect(await audience.getByText('The answer', { exact: true }).count()).toBe(0);
      const answer = await speaker.getByRole('heading', { name: /^Answer: [A-D]$/ }).innerText();
      expect(await audience.getByRole('list').last().innerText()).toMatch(
        /A[\s\S]*B[\s\S]*C[\s\S]*D/,
      );
      // On a question the clicker reveals the answer first, then steps on.
      await speaker.keyboard.press('PageDown');
      const revealed = audience
        .getByRole('listitem')
        .filter({ has: audience.getByText('The answer', { exact: true }) });
      await revealed.waitFor();
      expect(await revealed.innerText()).toMatch(new RegExp(`^${answer.slice(-1)}`));
      expect(await revealed.innerText()).toMatch(/2 per layer, so about [\s\S]*times larger/);
      // The choice's $2^{10} \approx 1000$ is typeset, not left as TeX (or as a YAML escape's "pprox").
      expect(await revealed.locator('.katex').count()).toBeGreaterThan(0);
      expect(await revealed.innerText()).not.toMatch(/approx|pprox/);
      expect(await audience.locator('main').innerText()).toMatch(/Right: n_in · Var\(w\) = 400/);
      expect(await seriousViolations(audience)).toEqual([]);
      await speaker.keyboard.press('PageDown');
      await audience.getByRole('heading', { level: 1, name: 'Question 2 of 6' }).waitFor();

      // A key in the audience window moves the speaker view too.
      await audience.keyboard.press('PageUp');
      await speaker
        .getByRole('heading', {
          level: 1,
          name: `Scene ${firstQuestion + 1} of ${count}: Question 1 of 6`,
        })
        .waitFor();
      await speaker.getByRole('button', { name: 'Reveal the answer' }).click();
      await audience.getByText('The answer', { exact: true }).waitFor();

      // The rest of the deck from the speaker window, one press at a time, to its last scene: the
      // room sees each one, and each question's answer (the one the speaker view names) first.
      for (let scene = firstQuestion + 1; scene < count; scene++) {
        await speaker.keyboard.press('PageDown');
        await audience.getByText(`Scene ${scene + 1} of ${count}`).waitFor();
        const title = options[scene]!.replace(/^\d+\. /, '');
        expect(await heading(audience).innerText()).toBe(title);
        if (!/^Question \d+ of \d+$/.test(title)) continue;
        const letter = (
          await speaker.getByRole('heading', { name: /^Answer: [A-D]$/ }).innerText()
        ).slice(-1);
        expect(await revealed.count()).toBe(0);
        await speaker.keyboard.press('PageDown');
        await revealed.waitFor();
        expect(await revealed.innerText()).toMatch(new RegExp(`^${letter}`));
        expect(await audience.getByText(`Scene ${scene + 1} of ${count}`).count()).toBe(1);
      }
      expect(await speaker.getByRole('region', { name: 'Next' }).innerText()).toMatch(
        /This is the last scene\./,
      );
      await speaker.keyboard.press('PageDown');
      expect(await heading(speaker).innerText()).toMatch(
        new RegExp(`^Scene ${count} of ${count}:`),
      );
      expect(await audience.getByText(`Scene ${count} of ${count}`).count()).toBe(1);
      expect(speakerErrors).toEqual([]);
    },
  );
});
