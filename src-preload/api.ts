// Builds the `window.baton` object from the contract over any transport: Electron's ipcRenderer in
// the preload, a WebSocket in the browser host. Pure: no Electron, no Node, no DOM.
import type { Channel, Envelope, EventMap, EventName, InputOf, OutputOf } from './contract';
import { CHANNELS } from './contract';

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<D extends string, C> = C extends `${D}:${infer V}` ? V : never;
type Call<C extends Channel> = (
  ...args: undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
) => Promise<Envelope<OutputOf<C>>>;

export type BatonApi = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<D, Channel>]: `${D}:${V}` extends Channel ? Call<`${D}:${V}`> : never;
  };
} & {
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

export interface BatonTransport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildBatonApi(transport: BatonTransport): BatonApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) =>
    transport.on(event, (payload) => listener(payload as EventMap[E]));
  return Object.assign(api, { on }) as unknown as BatonApi;
}
