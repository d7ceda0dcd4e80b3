import { describeHttpContract } from './http-contract';

// The browser host and the tests send through Node's own fetch.
describeHttpContract("Node's fetch", () => fetch);
