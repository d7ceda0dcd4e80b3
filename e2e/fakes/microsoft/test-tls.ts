// TLS for the loopback Microsoft sign-in fake. msal-node refuses an authority that is not https, so
// the fake serves TLS with a certificate made for this test run (127.0.0.1 and localhost, one day),
// and the test process is told to trust exactly that certificate, nothing broader:
// - in-process (vitest): tls.setDefaultCACertificates adds it to Node's default roots, which the
//   global fetch behind our HttpClient (and the fake browser) uses for every new connection;
// - a child process (the browser host in an e2e): NODE_EXTRA_CA_CERTS=<file from writeCertificateFile>.
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { generate } from 'selfsigned';

export interface TestCertificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate (self-signed; it is its own CA). */
  cert: string;
}

export async function createTestCertificate(): Promise<TestCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'Baton test sign-in authority' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60 * 60_000),
    notAfterDate: new Date(now + 24 * 60 * 60_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Trusts `cert` in this process on top of the default roots; returns how to undo it. */
export function trustInThisProcess(cert: string): () => void {
  const before = tls.getCACertificates('default');
  tls.setDefaultCACertificates([...before, cert]);
  return () => tls.setDefaultCACertificates(before);
}

/** Writes the certificate for a child process's NODE_EXTRA_CA_CERTS; returns the file path. */
export function writeCertificateFile(cert: string, dir: string): string {
  const file = join(dir, 'baton-test-authority.pem');
  writeFileSync(file, cert);
  return file;
}

export interface TlsFront {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Terminates TLS on 127.0.0.1 and pipes the plain bytes to a loopback HTTP server, so an https fake
 * keeps everything FakeHttpServer does (recording, faults, waits) without a second implementation.
 */
export async function startTlsFront(upstreamPort: number, certificate: TestCertificate): Promise<TlsFront> {
  const open = new Set<Socket>();
  const server = tls.createServer({ key: certificate.key, cert: certificate.cert }, (secure) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    open.add(secure).add(upstream);
    const end = () => {
      secure.destroy();
      upstream.destroy();
      open.delete(secure);
      open.delete(upstream);
    };
    secure.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    secure.pipe(upstream).pipe(secure);
  });
  // A client that gives up mid-handshake is not the fake's problem.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected TLS server address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
