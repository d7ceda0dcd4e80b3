import { EventEmitter } from 'node:events';
import type { EventMap, EventName } from '../src-preload/contract';

export type PushListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** The core's push events; the Electron entry and the browser host forward every one to the UI. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.emitter.emit('push', event, payload);
  }

  onAny(listener: PushListener): () => void {
    this.emitter.on('push', listener);
    return () => this.emitter.off('push', listener);
  }
}
