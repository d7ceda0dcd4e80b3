import { useState } from 'react';
import type { InsightsReport } from '../../../../src-preload/contract';
import { PRIORITIES } from '../../../../src-preload/contract';
import { useInsightsStore } from '../../stores/insights-store';
import { PRIORITY_LABEL } from '../../../../src-preload/contract';

const PRESETS = [7, 30, 90] as const;

/** yyyy-mm-dd of a local day, `daysAgo` before today. */
function localDate(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The date range (7 / 30 / 90 days or custom dates) and the filters. */
export function InsightsControls(props: { report: InsightsReport | null }) {
  const range = useInsightsStore((s) => s.range);
  const filters = useInsightsStore((s) => s.filters);
  const { setRange, setFilter, clearFilters } = useInsightsStore.getState();
  const custom = !('lastDays' in range);
  const [from, setFrom] = useState(custom ? range.from : localDate(29));
  const [to, setTo] = useState(custom ? range.to : localDate(0));
  const [showCustom, setShowCustom] = useState(custom);
  const options = props.report?.options;
  const own = props.report?.scope === 'own';

  const applyCustom = (next: { from: string; to: string }) => {
    if (next.from && next.to && next.from <= next.to) setRange(next);
  };

  return (
    <div className="insights-controls">
      <div className="insights-range">
        <div className="sort-toggle" role="group" aria-label="Date range">
          {PRESETS.map((days) => {
            const selected = !showCustom && 'lastDays' in range && range.lastDays === days;
            return (
              <button
                key={days}
                type="button"
                aria-pressed={selected}
                className={selected ? 'selected' : ''}
                onClick={() => {
                  setShowCustom(false);
                  setRange({ lastDays: days });
                }}
              >
                {days} days
              </button>
            );
          })}
          <button
            type="button"
            aria-pressed={showCustom}
            className={showCustom ? 'selected' : ''}
            onClick={() => {
              setShowCustom(true);
              applyCustom({ from, to });
            }}
          >
            Custom
          </button>
        </div>
        {showCustom && (
          <div className="insights-dates">
            <label>
              From
              <input
                type="date"
                value={from}
                max={to}
                onChange={(e) => {
                  setFrom(e.target.value);
                  applyCustom({ from: e.target.value, to });
                }}
              />
            </label>
            <label>
              To
              <input
                type="date"
                value={to}
                min={from}
                onChange={(e) => {
                  setTo(e.target.value);
                  applyCustom({ from, to: e.target.value });
                }}
              />
            </label>
          </div>
        )}
      </div>
      <div className="insights-filters" role="group" aria-label="Filters">
        <label>
          Technician
          <select
            value={own ? '' : (filters.technicianId ?? '')}
            disabled={own}
            onChange={(e) => setFilter('technicianId', e.target.value || undefined)}
          >
            <option value="">{own ? 'You' : 'Everyone'}</option>
            {!own &&
              options?.technicians.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Priority
          <select
            value={filters.priority ?? ''}
            onChange={(e) =>
              setFilter('priority', (e.target.value || undefined) as (typeof PRIORITIES)[number] | undefined)
            }
          >
            <option value="">Any</option>
            {[...PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Problem domain
          <select
            value={filters.domain ?? ''}
            disabled={!options?.domains.length}
            onChange={(e) => setFilter('domain', e.target.value || undefined)}
          >
            <option value="">{options?.domains.length ? 'Any' : 'None recorded'}</option>
            {options?.domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Board
          <select
            value={filters.boardId ?? ''}
            disabled={!options?.boards.length}
            onChange={(e) => setFilter('boardId', e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{options?.boards.length ? 'Any' : 'No ConnectWise boards seen'}</option>
            {options?.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        {Object.keys(filters).length > 0 && (
          <button type="button" className="small link" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
