import { PRIORITIES } from './types';
import { VIEWS, type Sort, type TaskFilters } from './query';
import styles from './Tasks.module.css';

const SORTS: { id: Sort; label: string }[] = [
  { id: 'created', label: 'Newest' },
  { id: 'due', label: 'Due date' },
  { id: 'priority', label: 'Priority' },
];

interface Props {
  filters: TaskFilters;
  /** The search box as typed; the panel applies it to the filters after a pause. */
  search: string;
  onSearch: (text: string) => void;
  onChange: (changes: Partial<TaskFilters>) => void;
}

/** Which tasks to show: a view (all, open, done, overdue, today), priority and tag chips, search, sort. */
export function FilterBar({ filters, search, onSearch, onChange }: Props) {
  return (
    <div className={styles.filters}>
      <div role="group" aria-label="Show" className={styles.segmented}>
        {VIEWS.map((view) => (
          <button
            key={view.id}
            type="button"
            aria-pressed={filters.view === view.id}
            onClick={() => onChange({ view: view.id })}
          >
            {view.label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Priority" className={styles.chipRow}>
        {PRIORITIES.map((priority) => (
          <button
            key={priority}
            type="button"
            className={styles.chip}
            aria-pressed={filters.priority === priority}
            onClick={() => onChange({ priority: filters.priority === priority ? null : priority })}
          >
            {priority.charAt(0).toUpperCase() + priority.slice(1)}
          </button>
        ))}
        {filters.tag && (
          <button
            type="button"
            className={`${styles.chip} ${styles.activeTag}`}
            onClick={() => onChange({ tag: null })}
          >
            #{filters.tag}
            <span className="visually-hidden"> (remove tag filter)</span>
            <span aria-hidden="true"> ×</span>
          </button>
        )}
      </div>
      <div className={styles.searchRow}>
        <label className={styles.search}>
          <span className="visually-hidden">Search tasks</span>
          <input type="search" value={search} placeholder="Search" onChange={(e) => onSearch(e.target.value)} />
        </label>
        <label className={styles.sort}>
          <span>Sort</span>
          <select value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
            {SORTS.map((sort) => (
              <option key={sort.id} value={sort.id}>
                {sort.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
