/** The last-resort sign of a dead parent: the ppid changes (re-parented to init or a subreaper). */
import { watchParent } from './parent-watch.js';
import { siteOf } from './spawn-records.js';

describe('watchParent, polling the ppid', () => {
  it('reports the parent gone once, when the ppid changes, and not before', async () => {
    let ppid = 4242;
    const calls: string[] = [];
    const gone = new Promise<void>((resolve) => {
      watchParent(
        (why) => {
          calls.push(why);
          resolve();
        },
        { ipc: false, ppid: () => ppid, pollMs: 5 },
      );
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual([]);
    ppid = 1;
    await gone;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual(['the parent 4242 is gone (re-parented to 1)']);
  });

  it('stops watching when told to', async () => {
    let ppid = 7;
    const calls: string[] = [];
    const stop = watchParent((why) => calls.push(why), { ipc: false, ppid: () => ppid, pollMs: 5 });
    stop();
    ppid = 1;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual([]);
  });
});

describe('siteOf (what a run record names, never the argv itself)', () => {
  it.each([
    [['new-site', 'a.test', '--admin-password=x', '--force'], 'a.test'],
    [['drop-site', 'a.test', '--no-backup'], 'a.test'],
    [['--site', 'b.test', 'install-app', 'erpnext'], 'b.test'],
    [['version'], undefined],
    [['--site', '--help'], undefined],
  ])('%j -> %s', (args, site) => {
    expect(siteOf(args)).toBe(site);
  });
});
