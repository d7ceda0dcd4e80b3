import type { SessionStatus } from '../../../src-preload/contract';

const LABELS: Record<SessionStatus, string> = {
  active: 'Active',
  paused: 'Parked',
  requesting_escalation: 'Needs a senior',
  escalated: 'Escalated',
  resolved: 'Resolved',
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`badge badge-${status}`}>{LABELS[status]}</span>;
}
