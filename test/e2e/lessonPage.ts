import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildLessonTrack } from '../../scripts/checkLessons';
import { coreLessons } from '../../src/lessons/progress/unlock';
import type { AppSession } from './harness';
import { ROOT } from './previewServer';
import { completedLessons, seedProgress } from './progress';

/**
 * Opens lesson `id` as a learner who has completed every core lesson before it (and nothing else),
 * so that it is open to them, and waits for its title and every block.
 */
export async function openLesson(app: AppSession, id: string): Promise<Page> {
  const track = buildLessonTrack(join(ROOT, 'lessons'), ROOT);
  const lesson = track.lessons.find((l) => l.meta.id === id)?.meta;
  if (lesson === undefined) throw new Error(`no lesson with id ${id} in lessons/`);
  const before = coreLessons(track).filter((l) => l.meta.order < lesson.order);
  await seedProgress(app.context, completedLessons(...before.map((l) => l.meta.id)));
  await app.open(`#/lessons/${id}`);
  const page = app.page;
  await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
  // The lesson's blocks arrive a few at a time after its title; the article is busy until all have.
  await page.locator('article[aria-busy="false"]').waitFor();
  return page;
}

export interface CheckpointView {
  readonly page: Page;
  readonly checkpoint: Locator;
  /** The checkpoint's first status line as it reads now: "Not earned yet. …" or "Earned on …". */
  status(): Promise<string>;
}

/** Opens lesson `id` as {@link openLesson} does and finds its checkpoint called `name`. */
export async function openCheckpoint(
  app: AppSession,
  id: string,
  name: string,
): Promise<CheckpointView> {
  const page = await openLesson(app, id);
  const checkpoint = page.getByRole('region', { name: `Checkpoint ${name}` });
  return { page, checkpoint, status: () => checkpoint.getByRole('status').first().innerText() };
}

/** Waits, briefly, for a checkpoint to read as earned: the learner's last action has earned it. */
export async function becomesEarned(view: Pick<CheckpointView, 'status'>): Promise<void> {
  await expect.poll(view.status, { timeout: 30_000, interval: 250 }).toMatch(/^Earned on /);
}

export interface PracticeView extends CheckpointView {
  /** The practice block whose task earns the checkpoint. */
  readonly practice: Locator;
}

/**
 * Opens lesson `id` as {@link openCheckpoint} does, at the practice titled `practice` that earns the
 * checkpoint, and checks that the learner starts with the checkpoint not earned and pointed to it.
 */
export async function openPractice(
  app: AppSession,
  id: string,
  checkpoint: string,
  practice: string,
): Promise<PracticeView> {
  const view = await openCheckpoint(app, id, checkpoint);
  expect(await view.status()).toMatch(/^Not earned yet\. Do the practice/);
  return { ...view, practice: view.page.getByRole('region', { name: `Practice ${practice}` }) };
}

/**
 * Runs the practice as the learner has now set it up, waits for it to pass, and then for its
 * checkpoint to be earned.
 */
export async function passPractice(
  view: PracticeView,
  training: { timeout: number; interval: number },
): Promise<void> {
  await view.practice.getByRole('button', { name: /Run experiment|Run again/ }).click();
  await expect.poll(() => view.practice.innerText(), training).toMatch(/Passed on /);
  await becomesEarned(view);
}

/** A lesson's experiment block, by the title its heading shows. */
export function experimentBlock(page: Page, title: string): Locator {
  return page.getByRole('region', { name: `Experiment ${title}` });
}

/**
 * Waits until an experiment's claim box reads "Effect shown": its runs have trained and showed the
 * effect the lesson claims. Returns that status line, which carries the measured numbers.
 */
export async function effectShown(experiment: Locator, timeout: number): Promise<Locator> {
  const shown = experiment.getByRole('status').filter({ hasText: /^Effect shown/ });
  await shown.waitFor({ timeout });
  return shown;
}

/** Presses the experiment's "Run experiment" and waits for {@link effectShown}. */
export async function runUntilEffectShown(experiment: Locator, timeout: number): Promise<Locator> {
  await experiment.getByRole('button', { name: 'Run experiment' }).click();
  return effectShown(experiment, timeout);
}
