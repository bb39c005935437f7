// The extension-host processes of one code-server (the e2e run's, never another run's on the same
// machine): found through /proc as descendants of the server started with our user-data folder,
// and the pids Thinkfast names in its activation log line.

import * as fs from 'node:fs';

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly start: number;
  readonly args: string;
}

function processes(): Proc[] {
  const all: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      all.push({ pid: Number(name), ppid: Number(fields[1]), start: Number(fields[19]), args });
    } catch {
      // The process ended while we looked.
    }
  }
  return all;
}

/** Extension hosts under the code-server whose user data is in `dataDir`, newest first. */
export function extensionHosts(dataDir: string): Proc[] {
  const all = processes();
  const roots = all.filter((p) => p.args.includes('entry.js') && p.args.includes(dataDir));
  const mine = new Set(roots.map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return all
    .filter((p) => mine.has(p.pid) && p.args.includes('--type=extensionHost'))
    .sort((a, b) => b.start - a.start);
}

/**
 * The extension-host pids that Thinkfast's activation line names in the logs of the code-server
 * whose user data is in `dataDir` (one log folder per extension host), in no particular order.
 */
export function activationPids(dataDir: string): number[] {
  const pids: number[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('Thinkfast.log')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/activated in .*extension host pid (\d+)/g))
          pids.push(Number(m[1]));
      }
    }
  };
  const logs = `${dataDir}/user/logs`;
  if (fs.existsSync(logs)) walk(logs);
  return pids;
}
