// A separate writer process for the SQLite multi-process test:
//   node --import <register> sqlite-writer-process.ts <file> <stream> <events>
// Appends batches of 1-3 events (each event says which batch it belongs to and the batch size,
// so the test can check that a killed writer left only whole batches), then prints "done".
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';

const [file, stream, total] = process.argv.slice(2);
const store = new SqliteEventStore(file);
let expected: number | 'no_stream' = 'no_stream';
let written = 0;
for (let batch = 0; written < Number(total); batch++) {
  const size = Math.min(1 + (batch % 3), Number(total) - written);
  const events = Array.from({ length: size }, () => ({ type: 'Written', data: { batch, size }, metadata: { eventId: randomUUID() } }));
  expected = (await store.append(stream, events, expected)).nextExpectedRevision;
  written += size;
  if (written % 60 === 0) process.stdout.write(`progress ${written}\n`);
}
await store.close();
process.stdout.write('done\n');
