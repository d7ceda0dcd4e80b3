// The renderer's stand-in for zod. The contract (src-preload/contract.ts) defines each channel's input
// schema with zod, and the renderer imports the contract for its channel names and constants; but only
// main validates (DESIGN §1), so the renderer never runs a schema. Bundling zod there cost ~100 KB of
// the first load; electron.vite.config.ts aliases `zod` to this file for the renderer build only.
// Every schema built here is inert, and using one to validate throws instead of passing data through.

const refuse = (): never => {
  throw new Error('Schemas are not bundled in the renderer: main validates every input.');
};

type Inert = ((...args: unknown[]) => Inert) & Record<string, unknown>;

const handler: ProxyHandler<() => void> = {
  get(_target, key) {
    if (key === 'parse' || key === 'safeParse' || key === 'parseAsync' || key === 'safeParseAsync')
      return refuse;
    if (key === Symbol.toPrimitive || key === 'then') return undefined;
    return inert;
  },
  apply: () => inert,
};

const inert = new Proxy(function schema() {}, handler) as unknown as Inert;

export const z = inert;
export default inert;
