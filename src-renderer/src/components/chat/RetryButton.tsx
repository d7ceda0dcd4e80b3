import { useState } from 'react';
import { toast } from 'sonner';
import { useAppStore } from '../../stores/app-store';

/** Asks for the reply to a technician message again (messages:retry-reply). */
export function RetryButton({ messageId, label = 'Retry' }: { messageId: string; label?: string }) {
  const retryReply = useAppStore((s) => s.retryReply);
  const [busy, setBusy] = useState(false);

  async function retry() {
    setBusy(true);
    try {
      await retryReply(messageId);
    } catch (err) {
      toast.error(`Could not retry the reply: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className="small" disabled={busy} onClick={() => void retry()}>
      {busy ? 'Retrying…' : label}
    </button>
  );
}
