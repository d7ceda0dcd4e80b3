import type { StatusFilter as Filter } from '../../stores/search-store';
import { useSearchStore } from '../../stores/search-store';

export const STATUS_FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Parked' },
  { value: 'requesting_escalation', label: 'Needs a senior' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'resolved', label: 'Resolved' },
];

export const filterLabel = (value: Filter) => STATUS_FILTERS.find((f) => f.value === value)?.label ?? value;

/** Narrows both the list and the search to one status. A native select: accessible as it is. */
export function StatusFilter() {
  const status = useSearchStore((s) => s.status);
  const setStatus = useSearchStore((s) => s.setStatus);
  return (
    <div className="sidebar-filter">
      <label htmlFor="session-status-filter">Status</label>
      <select
        id="session-status-filter"
        value={status}
        onChange={(event) => setStatus(event.target.value as Filter)}
      >
        {STATUS_FILTERS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
    </div>
  );
}
