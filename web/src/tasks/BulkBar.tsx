import styles from './Tasks.module.css';

export interface BulkFailure {
  verb: 'complete' | 'delete';
  total: number;
  failures: { id: number; title?: string; detail: string }[];
}

interface Props {
  /** The selected task ids, or null when not selecting. */
  selected: ReadonlySet<number> | null;
  /** The ids of the tasks shown, for "Select all". */
  shown: number[];
  busy: boolean;
  failures: BulkFailure | null;
  onSelecting: (on: boolean) => void;
  onSelectAll: (ids: number[]) => void;
  onComplete: () => void;
  onDelete: () => void;
}

/** Selection mode for changing several tasks at once, and what failed of the last change, per task. */
export function BulkBar({ selected, shown, busy, failures, onSelecting, onSelectAll, onComplete, onDelete }: Props) {
  const count = selected?.size ?? 0;
  return (
    <div className={styles.bulk}>
      <div role="toolbar" aria-label="Bulk actions" className={styles.bulkRow}>
        <button type="button" aria-pressed={selected !== null} onClick={() => onSelecting(selected === null)}>
          Select
        </button>
        {selected !== null && (
          <>
            <span className={styles.bulkCount} role="status">
              {count} selected
            </span>
            <button type="button" disabled={busy || shown.length === 0} onClick={() => onSelectAll(shown)}>
              Select all
            </button>
            <button type="button" disabled={busy || count === 0} onClick={onComplete}>
              Complete selected
            </button>
            <button type="button" className={styles.delete} disabled={busy || count === 0} onClick={onDelete}>
              Delete selected
            </button>
          </>
        )}
      </div>
      {failures && (
        <div className={styles.bulkErrors} role="alert">
          <p>
            {failures.failures.length} of {failures.total} could not be{' '}
            {failures.verb === 'complete' ? 'completed' : 'deleted'}:
          </p>
          <ul>
            {failures.failures.map((f) => (
              <li key={f.id}>
                #{f.id}
                {f.title && ` “${f.title}”`}: {f.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
