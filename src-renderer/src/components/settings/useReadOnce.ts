import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '../../../../src-preload/contract';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';

/** A read-only settings view, read when the section opens: its value, or why it could not be read. */
export function useReadOnce<T>(read: () => Promise<Envelope<T>>) {
  const [value, setValue] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fetchView = useCallback(
    () =>
      unwrap(read())
        .then(setValue)
        .catch((err: unknown) => setFailure(errorMessage(err))),
    [read],
  );
  useEffect(() => void fetchView(), [fetchView]);
  const retry = () => {
    setFailure(null);
    void fetchView();
  };
  return { value, failure, retry };
}
