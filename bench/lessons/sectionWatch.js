/* global window, performance, MutationObserver, Element */
// Injected into the lesson page before any of its scripts (addInitScript) by bench/lessons. Plain
// JavaScript on purpose: a bundler's helpers in a serialised function would not exist in the page.
//
// window.__benchWatchSection(section) watches one experiment or practice section: when its "Run
// experiment" button is pressed (a capture-phase listener), when its claim is first shown ("Effect
// shown: …" in an experiment's claim box; the "effect shows in your runs" item ticked, or the
// practice passed) and when its runs have finished ("Training finished." announced). Every DOM
// change is checked, so each mark is the millisecond of the render that showed it. The marks are
// kept in window.__benchMarks.
(() => {
  const shown = (section) => {
    for (const status of section.querySelectorAll('[role="status"]')) {
      const text = status.textContent.trim();
      if (text.startsWith('Effect shown:') || text.startsWith('Passed on')) return true;
    }
    // The item reads "Done: ✓ The effect shows…" (a hidden "Done: ", then the mark the eye sees).
    for (const item of section.querySelectorAll('li')) {
      if (/^Done:\s*✓?\s*The effect shows in your runs/.test(item.textContent.trim())) return true;
    }
    return false;
  };
  const finished = (section) => {
    for (const status of section.querySelectorAll('[role="status"]')) {
      if (status.textContent.trim() === 'Training finished.') return true;
    }
    return false;
  };
  window.__benchWatchSection = (section) => {
    const marks = {};
    window.__benchMarks = marks;
    section.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (
          button &&
          button.textContent.trim() === 'Run experiment' &&
          marks.pressedAt === undefined
        ) {
          marks.pressedAt = performance.now();
        }
      },
      true,
    );
    new MutationObserver(() => {
      if (marks.pressedAt === undefined) return;
      const now = performance.now();
      if (marks.shownAt === undefined && shown(section)) marks.shownAt = now;
      if (marks.finishedAt === undefined && finished(section)) marks.finishedAt = now;
    }).observe(section, { subtree: true, childList: true, characterData: true });
  };
})();
