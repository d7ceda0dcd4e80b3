// Every external post carries a reference derived from its job's idempotency key. A retried job
// (after a timeout, a crash, a lost response) first looks for its own earlier post, so the effect
// happens once even when the first attempt's answer never arrived.

export function jobReference(idempotencyKey: string): string {
  return `baton-ref:${idempotencyKey}`;
}

export async function postOnce<T>(
  reference: string,
  steps: { find(reference: string): Promise<T | null>; post(reference: string): Promise<T> },
): Promise<T> {
  const existing = await steps.find(reference);
  return existing ?? steps.post(reference);
}
