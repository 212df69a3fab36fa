/** `npm start` refuses to start, naming the variable, when one of its ports is taken or not a port. */
import { createServer, type Server } from 'node:net';
import { portProblems, portValueProblems } from './ports.js';

const listening = () =>
  new Promise<{ srv: Server; port: number }>((ok, fail) => {
    const srv = createServer().listen(0, '127.0.0.1', () => ok({ srv, port: (srv.address() as { port: number }).port }));
    srv.on('error', fail);
  });
const close = (srv: Server) => new Promise<void>((ok) => srv.close(() => ok()));

describe('npm start: ports before anything starts', () => {
  it('names the variable whose port is taken on 127.0.0.1, and passes free ones', async () => {
    const held = await listening();
    const free = await listening();
    await close(free.srv);
    try {
      const problems = await portProblems('127.0.0.1', [
        { variable: 'WEB_PORT', option: '--web-port', port: String(free.port) },
        { variable: 'PROVISIONING_PORT', option: '--api-port', port: String(held.port) },
      ]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^PROVISIONING_PORT ${held.port} is already in use on 127\\.0\\.0\\.1`));
      expect(problems[0]).toContain(`PROVISIONING_PORT=${held.port + 1} npm start (or npm start -- --api-port ${held.port + 1})`);
    } finally {
      await close(held.srv);
    }
  });

  it('leaves a free port free after checking it', async () => {
    const { srv, port } = await listening();
    await close(srv);
    expect(await portProblems('127.0.0.1', [{ variable: 'SMTP_PORT', option: '--smtp-port', port: String(port) }])).toEqual([]);
    // The check's own socket is closed again: the child can listen there right after.
    const again = createServer();
    await new Promise<void>((ok, fail) => again.once('error', fail).listen(port, '127.0.0.1', () => ok()));
    await close(again);
  });

  it('refuses a value that is not a port, and two settings on one port', () => {
    expect(portValueProblems([{ variable: 'MAILBOX_PORT', option: '--mailbox-port', port: 'http' }])).toEqual(['MAILBOX_PORT (--mailbox-port) must be a port number from 1 to 65535, got "http".']);
    expect(
      portValueProblems([
        { variable: 'WEB_PORT', option: '--web-port', port: '3000' },
        { variable: 'MAILBOX_PORT', option: '--mailbox-port', port: '3000' },
      ]),
    ).toEqual(['WEB_PORT and MAILBOX_PORT are both 3000; choose another one: MAILBOX_PORT=3001 npm start (or npm start -- --mailbox-port 3001).']);
    expect(portValueProblems([{ variable: 'WEB_PORT', option: '--web-port', port: '70000' }])).toHaveLength(1);
  });
});
