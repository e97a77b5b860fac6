import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { addBatchNormYourself, fixTheForgottenEvalMode } from './checkpointActions';
import { openLesson } from './lessonPage';
import { completedLessons, seedProgress } from './progress';

/** Lesson 3's first experiment trains two 8-layer MNIST networks for 600 steps each. */
const EXPERIMENT = { timeout: 120_000, interval: 500 };

describe('Lesson 3, batch normalization, as a learner', () => {
  const app = useApp();

  test(
    'read, run the experiment, answer wrongly then rightly, earn the checkpoints by doing, keep it all after a reload, open lesson 4',
    { timeout: 1_200_000 },
    async () => {
      const page = await openLesson(app, 'batch-normalization');
      expect(
        await page.getByRole('heading', { level: 2, name: 'What it does to training' }).count(),
      ).toBe(1);
      const rules = page.getByRole('region', { name: 'What completes this lesson' });
      expect(await rules.innerText()).toMatch(
        /Add BatchNorm to a simple MLP and compare convergence speed.*are part of completing the lesson/s,
      );

      const experiment = page.getByRole('region', {
        name: 'Experiment An 8-layer MLP with and without BatchNorm',
      });
      const checkpoint = page.getByRole('region', {
        name: 'Checkpoint Added batch normalization and watched convergence change',
      });
      expect(await checkpoint.getByRole('status').innerText()).toMatch(/^Not earned yet\./);
      await experiment.getByRole('button', { name: 'Run experiment' }).click();

      // While the networks train, the learner answers a question: first wrongly, then rightly.
      const question = page.getByRole('region', {
        name: 'Question Why does batch normalization help deep networks train?',
      });
      expect(await question.innerText()).toMatch(
        /Your first answer also counts for the checkpoint/,
      );
      await question.getByRole('radio', { name: /^Its γ and β add capacity/ }).check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      expect(await question.getByRole('status').innerText()).toMatch(/^Not correct\./);
      expect(await question.innerText()).toMatch(
        /Your answer: not correct\.\s+BN adds only two parameters/,
      );
      expect(await question.innerText()).toMatch(
        /This question no longer counts for the checkpoint/,
      );
      await question.getByRole('button', { name: 'Try again' }).click();
      await question
        .getByRole('radio', { name: /^It keeps each layer's inputs at a steady scale/ })
        .check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      expect(await question.getByRole('status').innerText()).toMatch(/^Correct\./);
      expect(await question.innerText()).toMatch(
        /Your answer: correct\.\s+That is the practical effect/,
      );

      // The prepared experiment shows its effect, and that alone earns nothing.
      await experiment
        .getByRole('status')
        .filter({ hasText: /^Effect shown/ })
        .waitFor({ timeout: EXPERIMENT.timeout });
      expect(await checkpoint.getByRole('status').innerText()).toMatch(
        /^Not earned yet\. Do the practice/,
      );

      await app.reload();
      expect(await question.getByRole('status').innerText()).toMatch(/^Correct\./);
      await app.open('#/');
      const home = page.getByRole('region', { name: 'Lessons' });
      const lessonItem = (title: string) =>
        home.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
      expect(await lessonItem('Batch normalization').innerText()).toMatch(
        /5 quiz questions and 2 checkpoints to go/,
      );
      expect(await lessonItem('LayerNorm, GroupNorm, InstanceNorm').innerText()).toMatch(/Locked/);

      // The rest of the lesson: the two checkpoints earned by doing, and every other question.
      await app.open('#/lessons/batch-normalization');
      await addBatchNormYourself(page, checkpoint);
      await fixTheForgottenEvalMode(page);
      // Back from the Lab, the lesson's blocks arrive a few at a time: list the questions once all have.
      await page.locator('article[aria-busy="false"]').waitFor();
      const questions = await page.getByRole('region', { name: /^Question / }).all();
      expect(questions.length).toBeGreaterThanOrEqual(5);
      for (const q of questions) {
        if (/^Correct\./.test(await q.getByRole('status').innerText())) continue;
        await q.getByRole('button', { name: 'Reveal answer' }).click();
        // The question still counts for lesson 5's checkpoint: the learner is asked first.
        const dialog = page.getByRole('alertdialog', { name: 'Reveal the answer?' });
        expect(await dialog.innerText()).toMatch(/rules this question out of the checkpoint/);
        await dialog.getByRole('button', { name: 'Reveal and rule it out' }).click();
        const right = q.getByRole('listitem').filter({ hasText: 'The correct answer.' });
        await right.getByRole('radio').check();
        await q.getByRole('button', { name: 'Check answer' }).click();
        expect(await q.getByRole('status').innerText()).toMatch(/^Correct\./);
      }

      await app.open('#/');
      expect(await lessonItem('LayerNorm, GroupNorm, InstanceNorm').innerText()).not.toMatch(
        /Locked/,
      );
      await app.open('#/lessons/layer-group-instance-norm');
      await page
        .getByRole('heading', { level: 1, name: 'LayerNorm, GroupNorm, InstanceNorm' })
        .waitFor();
      expect(await page.getByRole('heading', { name: 'This lesson is locked' }).count()).toBe(0);
    },
  );
});

describe('Broken saved progress and unknown addresses', () => {
  const app = useApp();

  test('saved progress that is not JSON is kept aside with a notice, and the lessons still show', async () => {
    await seedProgress(app.context, '{"version": 1, "quizzes": {');
    await app.open('#/');
    const notice = app.page.getByRole('status').filter({ hasText: 'About your saved progress' });
    expect(await notice.innerText()).toMatch(
      /not readable \(it is not valid JSON\)\. It was not changed: it is kept aside/,
    );
    expect(
      await app.page.getByRole('region', { name: 'Lessons' }).getByRole('link').count(),
    ).toBeGreaterThan(0);
  });

  test('one corrupted entry costs only that entry, and says so', async () => {
    const damaged = JSON.parse(completedLessons('signal-propagation')) as Record<string, unknown>;
    damaged['quizzes'] = { 'signal-propagation/q-anything': { answers: 'not a list' } };
    await seedProgress(app.context, JSON.stringify(damaged));
    await app.open('#/');
    const notice = app.page.getByRole('status').filter({ hasText: 'About your saved progress' });
    expect(await notice.innerText()).toMatch(
      /1 of the saved quiz answers could not be read and was left out/,
    );
    expect(await app.page.getByRole('region', { name: 'Lessons' }).innerText()).toMatch(
      /1 of \d+ completed/,
    );
  });

  test('a lesson address with an unknown id explains itself and lists the lessons', async () => {
    await app.open('#/lessons/no-such-lesson');
    await app.page
      .getByRole('heading', { level: 1, name: /No lesson called .no-such-lesson./ })
      .waitFor();
    expect(await app.page.getByRole('link', { name: 'Batch normalization' }).count()).toBe(1);
  });
});
