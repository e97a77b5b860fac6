import { PROGRESS_FIELD_NAMES, type Progress, type ProgressField } from './schema';
import { formatCount } from '../../lab/formatNumber';

const NOUNS: Record<ProgressField, readonly [string, string]> = {
  quizzes: ['answered question', 'answered questions'],
  experiments: ['experiment result', 'experiment results'],
  viewedCharts: ['experiment with charts viewed', 'experiments with charts viewed'],
  checkpoints: ['checkpoint', 'checkpoints'],
  practice: ['practice exercise', 'practice exercises'],
  completedLessons: ['completed lesson', 'completed lessons'],
  predictions: ['prediction', 'predictions'],
  revealedSettings: [
    'mystery network with settings revealed',
    'mystery networks with settings revealed',
  ],
};

/** "3 answered questions, 1 checkpoint and 2 completed lessons", or "nothing yet". */
export function summarizeProgress(progress: Progress): string {
  const parts = PROGRESS_FIELD_NAMES.flatMap((field) => {
    const n = Object.keys(progress[field]).length;
    const [one, many] = NOUNS[field];
    return n === 0 ? [] : [`${formatCount(n)} ${n === 1 ? one : many}`];
  });
  if (parts.length === 0) return 'nothing yet';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
