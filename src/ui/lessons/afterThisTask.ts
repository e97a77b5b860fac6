/**
 * Runs a callback in a main-thread task of its own, right after the current one (a MessageChannel
 * message, which no timer clamping delays). "Run experiment" creates and configures its workers so:
 * done inside the click, creating them was a third to a half of the click's task (61–144 ms of CPU
 * with the CPU throttled 4×, docs/PERFORMANCE.md), before the page could show the press.
 */

let split = true;

/**
 * For component tests: without splitting the callback runs at once, so a test that presses Run sees
 * the workers it created as `act` returns. `undefined` restores splitting.
 */
export function setTaskSplitting(on: boolean | undefined): void {
  split = on ?? true;
}

/** Calls `callback` in a task after this one. */
export function afterThisTask(callback: () => void): void {
  if (!split) {
    callback();
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}
