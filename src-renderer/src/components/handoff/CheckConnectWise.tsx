import { useState } from 'react';
import { toast } from 'sonner';
import { baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';

/**
 * Asks ConnectWise for team escalations now instead of at the next poll (DESIGN §6). New ones arrive
 * through the usual handoff_created events; the toast says what the check found.
 */
export function CheckConnectWise() {
  const [checking, setChecking] = useState(false);

  async function check() {
    setChecking(true);
    try {
      const { imported, closed } = await unwrap(baton().handoffs.refresh());
      const parts = [
        imported ? `${imported} new from ConnectWise` : null,
        closed ? `${closed} claimed or closed elsewhere` : null,
      ].filter(Boolean);
      toast.success(parts.length ? parts.join(', ') : 'ConnectWise has nothing new');
    } catch (err) {
      toast.error(`Could not check ConnectWise: ${errorMessage(err)}`);
    } finally {
      setChecking(false);
    }
  }

  return (
    <button type="button" className="small" disabled={checking} onClick={() => void check()}>
      {checking ? 'Checking…' : 'Check ConnectWise now'}
    </button>
  );
}
