// A ConnectWise fake in its own process, for benches that time the main process's event loop: the
// fake's own work (answering 500 tickets' requests) must not count as Baton's. Prints its connection
// as one JSON line; exits when stdin closes.
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { fakeConnection } from '../../src-main/psa/connectwise/testing';
import { handoffNote } from './team-fixture';

const tickets = Number(process.argv[2] ?? 500);
const escalated = Number(process.argv[3] ?? 7);
const cw = await startConnectWiseFake({
  members: [
    { id: 12, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
  ],
});
for (let i = 1; i <= tickets; i++) {
  cw.addTicket({ id: i, summary: `Escalated ticket ${i}`, status: { id: escalated, name: 'Escalated' } });
  cw.addNote(i, { text: handoffNote(i), internalAnalysisFlag: true });
}
console.log(JSON.stringify(fakeConnection(cw)));
process.stdin.resume();
process.stdin.on('end', () => void cw.close().then(() => process.exit(0)));
