import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../lab/labSettings';
import { labHash } from '../../lab/urlState';
import { milestoneAccess } from '../../lessons/progress/unlock';
import type { Track } from '../../lessons/track';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { HOME_HREF } from '../routing';
import { Prose } from './Prose';
import { LessonLinks } from './LessonLinks';
import { ScheduleShapes } from './ScheduleShapes';

/** One BatchNorm network at three constant learning rates: the spread a schedule manages. */
const LR_COMPARISON: readonly LabRunSettings[] = [0.01, 0.1, 1].map((learningRate) => ({
  ...DEFAULT_RUN_SETTINGS,
  dataset: 'mnist14',
  depth: 6,
  width: 64,
  norm: 'batchNorm',
  learningRate,
}));

/** Inline code in Markdown (a backtick cannot be escaped inside String.raw). */
const code = (text: string): string => `\`${text}\``;

const WHAT = String.raw`
## What a schedule is

So far every run used one learning rate from the first step to the last. A **learning-rate
schedule** makes the step size a function of time:

$$\theta_{t+1} = \theta_t - \eta_t \, \nabla L(\theta_t)$$

where $\eta_t$ changes as training goes on, usually large early and small late.

## Why it matters now

Good initialization and normalization make training *stable*: signals keep their scale through
depth, and BatchNorm tolerates learning rates that make a plain network diverge. That leaves the
learning rate as the main knob, and one fixed value is a compromise:

- **Early**, big steps cover ground quickly while the loss is far from any minimum.
- **Late**, the noise of mini-batch gradients keeps a run at a constant rate bouncing around the
  bottom of the valley; smaller steps let it settle, which is why validation loss often drops
  sharply right after the rate is lowered.
- **With normalization**, weights that feed a BatchNorm are scale-invariant: the layer's output does
  not change if they are multiplied by a constant. Their effective step is about
  $\eta / \lVert w \rVert^2$, and $\lVert w \rVert$ grows during training, so the rate you set and
  the rate the network feels drift apart. Schedules and weight decay are how practitioners keep
  control of it.
`;

const HOW = String.raw`
## Warm-up

Start with a small rate and raise it linearly to the target over the first steps:
$\eta_t = \eta_{\max} \cdot t / T_{\text{warm-up}}$. At the very beginning nothing is settled yet:
BatchNorm's running statistics are still at their initial values and Adam's moment estimates rest on
a handful of gradients, so a full-size step can throw the network somewhere it never recovers from.
Goyal et al. (2017, arXiv:1706.02677) used a linear warm-up over 5 epochs to train ResNet-50 with
batches of 8,192 images; starting at the full rate trained clearly worse in the first epochs.

## Step decay

Multiply the rate by a factor $\gamma$ (often 0.1) at chosen milestones:
$\eta_t = \eta_0 \, \gamma^{k}$ after the $k$-th milestone. The original ResNets started at 0.1
and divided by 10 whenever the error stopped improving. In PyTorch this is
${code('torch.optim.lr_scheduler.MultiStepLR')}.

## Cosine decay

Follow half a cosine from the peak down to a floor over the whole run:

$$\eta_t = \eta_{\min} + \tfrac{1}{2}(\eta_{\max} - \eta_{\min})\left(1 + \cos\frac{\pi t}{T}\right)$$

(Loshchilov & Hutter, SGDR, 2016, arXiv:1608.03983). It has no milestones to tune, only the length
of training, and is the usual choice today, often after a warm-up. In PyTorch:
${code('torch.optim.lr_scheduler.CosineAnnealingLR')}.
`;

const NEXT = `
## Coming next

The learning-rate scheduler lesson is the next one we are writing. In it you will give Lab runs a
schedule, compare constant, step and cosine decay with and without warm-up on the networks you
built here, and see how BatchNorm changes which schedule works best.
`;

export function MilestonePage({
  track,
  instructor,
}: {
  readonly track: Track;
  readonly instructor: boolean;
}) {
  const progress = useAppStore(selectProgress);
  const access = milestoneAccess(track, progress);

  if (!access.open && !instructor) {
    return (
      <article className="nl-page nl-locked">
        <h1 tabIndex={-1}>Next: learning-rate schedulers</h1>
        <div className="nl-locked__why">
          <h2>This page is locked</h2>
          <p>{access.reason}</p>
          <p>Still to complete:</p>
          <LessonLinks
            lessons={access.after}
            numbered={false}
            home="All lessons and your progress"
          />
        </div>
      </article>
    );
  }

  return (
    <article className="nl-page nl-milestone">
      <p className="nl-lesson__eyebrow">
        {access.open ? 'You completed the course.' : 'Preview'}
        {instructor ? <span className="nl-badge">Instructor view</span> : null}
      </p>
      <h1 tabIndex={-1}>Next: learning-rate schedulers</h1>
      <p className="nl-lesson__summary">
        You can now start a deep network cleanly and keep its signals healthy while it trains. The
        next question is how big each step should be, and when that should change.
      </p>
      <Prose text={WHAT} />
      <ScheduleShapes />
      <Prose text={HOW} />
      <section aria-labelledby="nl-try-title" className="nl-block">
        <h2 id="nl-try-title">Try it before the lesson</h2>
        <p>
          The same BatchNorm network on MNIST at three constant learning rates, 0.01, 0.1 and 1.
          Watch how fast each one starts and where each one ends: a schedule aims to get the start
          of the fast one and the finish of the careful one.
        </p>
        <p>
          <a href={labHash(LR_COMPARISON)}>Open the three runs in the Lab</a>
        </p>
      </section>
      <Prose text={NEXT} />
      <p>
        <a href={HOME_HREF}>Back to the lessons</a>
      </p>
    </article>
  );
}
