// A diagnostic effect: each note is echoed to a configured HTTP endpoint. It exists so the outbox can
// be exercised end to end (offline, retries, the Queue screen) before the real effects (AI replies,
// PSA notes, email) are switched on; it is registered only when BATON_DIAGNOSTIC_ECHO_URL is set.
import { z } from 'zod';
import { defineJobKind } from '../job-kinds';
import { postOnce } from '../reference';

export const DIAGNOSTIC_ECHO = 'diagnostics.echo';

const EchoPayload = z.object({ messageId: z.uuid(), text: z.string() });

export function diagnosticEchoKind(baseUrl: string) {
  const endpoint = new URL('echo', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  return defineJobKind({
    kind: DIAGNOSTIC_ECHO,
    service: 'diagnostics',
    payload: EchoPayload,
    describe: (p) =>
      `Echo note “${p.text.length > 40 ? `${p.text.slice(0, 39)}…` : p.text}” to the diagnostics endpoint`,
    run: async (payload, ctx) => {
      await postOnce(ctx.reference, {
        find: async (reference) => {
          const res = await ctx.http.request({
            url: `${endpoint}?reference=${encodeURIComponent(reference)}`,
            carries: 'nothing',
            signal: ctx.signal,
          });
          return res.json<unknown[]>()[0] ?? null;
        },
        post: async (reference) =>
          (
            await ctx.http.request({
              url: endpoint,
              method: 'POST',
              carries: { content: 'diagnostic' },
              json: { reference, ...payload },
              signal: ctx.signal,
            })
          ).json(),
      });
    },
  });
}
