/* global window, document, performance, requestAnimationFrame, PerformanceObserver, MutationObserver, Element */
// Injected into the Lab page before any of its scripts (page.addInitScript) by bench/ui. Plain
// JavaScript on purpose: a bundler's helpers in a serialised function would not exist in the page.
// It only observes: long tasks, animation frames, and when the Step counter and the Loss chart's
// text summary change (each change is one snapshot the learner sees rendered).
(() => {
  const probe = {
    longTasks: [],
    longFrames: [],
    frames: [],
    stepRenders: [],
    lossRenders: [],
    /** Per chart (by its heading): the frames in which its text summary changed. */
    chartRenders: {},
    trainPressedAt: undefined,
    firstLossAt: undefined,
  };
  window.__normlabProbe = probe;
  // bench/lessons needs only the long tasks: its pages are long, and reading every chart's summary
  // on every frame would add main-thread work of its own to the tasks it measures.
  const longTasksOnly = window.__normlabProbeOptions?.longTasksOnly === true;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    probe.longTasks = null;
  }
  if (longTasksOnly) return;

  // What each long animation frame (over 50 ms, the Long Animation Frames API) was made of: the
  // scripts that ran in it (who invoked them, which function of which file, how long), and when
  // rendering and style and layout began. The Long Tasks API gives a task's length and nothing else;
  // these name a long task's work, and a frame whose parts add up to much less than its length
  // waited (for a core, or inside a garbage collection, which is not a script's own time).
  probe.longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map((script) => ({
            invoker: script.invoker,
            functionName: script.sourceFunctionName,
            url: script.sourceURL,
            start: script.startTime,
            duration: script.duration,
            forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    probe.longFrames = null;
  }

  // Every frame reads each chart's title and summary. Looking them up with selectors every frame
  // (querySelectorAll, then a querySelector per figure) cost the page's main thread more than some
  // of the app's own work it measures (a CPU profile of the Lab training one run: 0.56 s of 8 s in
  // this probe, 0.33 s of it in querySelectorAll); so each figure's heading and summary are kept and
  // looked up again only when the figure's parts change.
  const figures = document.getElementsByTagName('figure');
  const partsOf = new WeakMap();
  const figureParts = (figure) => {
    const id = figure.getAttribute('aria-describedby');
    let parts = partsOf.get(figure);
    if (
      !parts ||
      parts.id !== id ||
      !parts.heading?.isConnected ||
      !figure.contains(parts.heading) ||
      (id && !parts.summary?.isConnected)
    ) {
      parts = {
        id,
        heading: figure.querySelector('h1, h2, h3, h4, h5, h6'),
        summary: id ? document.getElementById(id) : null,
      };
      partsOf.set(figure, parts);
    }
    return parts;
  };
  const lossSummary = () => {
    for (const figure of figures) {
      const { heading, summary } = figureParts(figure);
      if (!heading || heading.textContent.trim() !== 'Loss') continue;
      return summary ? summary.textContent : '';
    }
    return '';
  };
  let progressCell = null;
  const stepText = () => {
    if (!progressCell?.isConnected)
      progressCell = document.querySelector('[aria-label="Progress"] dd');
    return progressCell ? progressCell.textContent : '';
  };

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && button.textContent.trim() === 'Train' && probe.trainPressedAt === undefined) {
        probe.trainPressedAt = performance.now();
      }
    },
    true,
  );

  // The first loss point, to the millisecond: checked on every DOM change until it appears.
  const firstLoss = new MutationObserver(() => {
    if (probe.trainPressedAt === undefined) return;
    if (/training loss/.test(lossSummary())) {
      probe.firstLossAt = performance.now();
      firstLoss.disconnect();
    }
  });
  const watch = () =>
    firstLoss.observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) watch();
  else document.addEventListener('DOMContentLoaded', watch);

  let lastStep = '';
  let lastLoss = '';
  const lastSummaries = new Map();
  const recordChartRenders = (time) => {
    for (const figure of figures) {
      const { id, heading, summary } = figureParts(figure);
      if (!id || !heading || !summary) continue;
      const title = heading.textContent.trim();
      const text = summary.textContent;
      if (lastSummaries.get(title) === text) continue;
      lastSummaries.set(title, text);
      (probe.chartRenders[title] ??= []).push(time);
    }
  };
  const frame = (time) => {
    probe.frames.push(time);
    const step = stepText();
    if (step !== lastStep) {
      lastStep = step;
      probe.stepRenders.push({ time, step: Number(step.replace(/,/g, '')) });
    }
    const loss = lossSummary();
    if (loss !== lastLoss) {
      lastLoss = loss;
      probe.lossRenders.push(time);
    }
    recordChartRenders(time);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
