// The diagnostics echo endpoint (src-main/jobs/kinds/diagnostic-echo.ts): POST /echo stores a
// record, GET /echo?reference=… finds records by reference. Used to exercise the outbox.
import type { FakeHttpServer, FakeServerOptions } from './fake-http-server';
import { startFakeServer } from './fake-http-server';

export interface EchoRecord {
  reference: string;
  messageId: string;
  text: string;
}

export interface EchoFake {
  server: FakeHttpServer;
  /** Every record applied, in order: one per effect that happened. */
  records: EchoRecord[];
  close(): Promise<void>;
}

export async function startEchoFake(options: FakeServerOptions = {}): Promise<EchoFake> {
  const records: EchoRecord[] = [];
  const server = await startFakeServer(
    (request) => {
      if (request.path !== '/echo') return { status: 404, body: { message: 'Not found' } };
      if (request.method === 'GET') {
        return { status: 200, body: records.filter((r) => r.reference === request.query.reference) };
      }
      if (request.method === 'POST') {
        const record = JSON.parse(request.body) as EchoRecord;
        records.push(record);
        return { status: 201, body: record };
      }
      return { status: 405, body: { message: 'Method not allowed' } };
    },
    { name: 'echo', ...options },
  );
  return { server, records, close: () => server.close() };
}
