import { useState } from 'react';
import '../outbox.css';
import type { OutboxItem } from '../stores/outbox-store';
import { isBlocked, useOutboxStore } from '../stores/outbox-store';
import { WarnIcon } from './chat/icons';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Where an unsaved item stands: "Saving…", "Waiting for the one above to be saved", or "Not saved:
 * {error}" with Retry and Discard (Discard asks first: it is the only way typed text goes away).
 */
export function OutboxStatus({ item, noun }: { item: OutboxItem; noun: string }) {
  const blocked = useOutboxStore((s) => isBlocked(s.items, item));
  const { retry, discard } = useOutboxStore.getState();
  const [confirming, setConfirming] = useState(false);

  if (item.state !== 'failed')
    return (
      <span className="outbox-status" role="status">
        {blocked ? `Waiting: the ${noun} above is not saved yet` : 'Saving…'}
      </span>
    );
  return (
    <div className="outbox-status outbox-failed" role="alert">
      <WarnIcon />
      <span>Not saved: {item.error ?? 'unknown error'}. Nothing is lost: it stays here until you retry.</span>
      <span className="outbox-actions">
        <button type="button" className="small" onClick={() => retry(item.id)}>
          Retry
        </button>
        <button type="button" className="small danger-quiet" onClick={() => setConfirming(true)}>
          Discard…
        </button>
      </span>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Discard this ${noun}?`}
        description={`It was never saved: “${item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text}”`}
        confirmLabel="Discard"
        danger
        onConfirm={() => discard(item.id)}
      />
    </div>
  );
}
