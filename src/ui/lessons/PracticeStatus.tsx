import type { ReactNode } from 'react';
import type { Achievement } from '../../lessons/progress/schema';
import type { PracticeCondition } from '../../lessons/progress/practice';
import { formatDate } from './formatDate';

/**
 * A practice exercise's status line (passed, with what the learner's runs showed, or what is still
 * missing) and, until it is passed, the list of what it checks. Practices, mystery blocks and the
 * mystery Lab all show it.
 */
export function PracticeStatus({
  record,
  notPassed,
  conditions,
}: {
  record: Achievement | undefined;
  /** What follows "Not passed yet." */
  notPassed: ReactNode;
  conditions?: readonly PracticeCondition[];
}) {
  return (
    <>
      <div className="nl-practice__check" role="status">
        {record ? (
          <p>
            <strong>Passed on {formatDate(record.at)}.</strong> {record.detail}
          </p>
        ) : (
          <p>
            <strong>Not passed yet.</strong>
            {notPassed}
          </p>
        )}
      </div>
      {!record && conditions ? (
        <ul className="nl-practice__conditions">
          {conditions.map((c) => (
            <li key={c.text} className={c.met ? 'nl-met' : 'nl-unmet'}>
              <span className="nl-visually-hidden">{c.met ? 'Done: ' : 'Not yet: '}</span>
              <span aria-hidden="true">{c.met ? '✓ ' : '○ '}</span>
              {c.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
