/** Runs `task` after `delay` ms, behind the messages already queued for the worker. */
export type Schedule = (task: () => void, delay: number) => void;

/**
 * A schedule whose zero-delay tasks go through a MessageChannel instead of setTimeout. A training
 * worker runs one slice of work per task and schedules the next from inside it, and browsers clamp a
 * timer nested that deep to at least 4 ms (HTML's timer nesting rule): 4 ms idle after every 20 ms
 * slice, a sixth of the worker's time lost. A message to the channel's other port is queued behind
 * the messages that have already arrived (a Pause is still seen before the next slice) and runs with
 * no clamp. Tasks with a delay (rests, speed limits) still use setTimeout.
 */
export function channelSchedule(channel: MessageChannel = new MessageChannel()): Schedule {
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (task, delay) => {
    if (delay > 0) {
      setTimeout(task, delay);
      return;
    }
    waiting.push(task);
    channel.port2.postMessage(null);
  };
}
