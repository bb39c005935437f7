// A second, tiny extension the e2e run installs beside Thinkfast: it plays any other extension in
// the same host and looks for the API key everywhere it can reach — Thinkfast's exports and
// extension object, and what Thinkfast's prompt-free commands return.
// The e2e test tells it the key in a file and reads its report from another.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { probeCommand, probeInput, probeOutput, type ProbeReport } from './probeNames';

const maxDepth = 10;
const maxVisits = 200_000;

/** Every string reachable from `root` (own and inherited properties, getters, Map/Set entries). */
function walk(root: unknown, rootName: string, key: string): { found: string[]; visited: number } {
  const seen = new WeakSet<object>();
  const found: string[] = [];
  let visited = 0;
  const visit = (value: unknown, where: string, depth: number): void => {
    if (typeof value === 'string') {
      if (value.includes(key)) found.push(where);
      return;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (seen.has(value) || depth > maxDepth || visited >= maxVisits) return;
    seen.add(value);
    visited += 1;
    if (value instanceof Map) {
      for (const [k, v] of value) {
        visit(k, `${where}.<key>`, depth + 1);
        visit(v, `${where}.get(${String(k)})`, depth + 1);
      }
    } else if (value instanceof Set) {
      for (const v of value) visit(v, `${where}.<entry>`, depth + 1);
    }
    for (let o: object | null = value; o && o !== Object.prototype && o !== Function.prototype;) {
      for (const name of Reflect.ownKeys(o)) {
        let child: unknown;
        try {
          child = Reflect.get(o, name, value);
        } catch {
          continue;
        }
        visit(child, `${where}.${String(name)}`, depth + 1);
      }
      o = Reflect.getPrototypeOf(o);
    }
  };
  visit(root, rootName, 0);
  return { found, visited };
}

async function probe(folder: string): Promise<void> {
  const { key } = JSON.parse(fs.readFileSync(path.join(folder, probeInput), 'utf8')) as { key: string };
  const thinkfast = vscode.extensions.getExtension('thinkfast.thinkfast');
  if (!thinkfast) throw new Error('Thinkfast is not installed');
  const exportsValue: unknown = await thinkfast.activate();
  const returned: Record<string, unknown> = {};
  for (const command of ['thinkfast.showLog', 'thinkfast.acceptRefactor', 'thinkfast.rejectRefactor']) {
    returned[command] = await vscode.commands.executeCommand(command).then(
      (r) => r,
      (e: unknown) => e,
    );
  }
  const reachable = {
    exports: exportsValue,
    extension: thinkfast,
    returned,
  };
  const result = walk(reachable, 'reachable', key);
  const decoy = { a: [1, { b: new Map([['c', new Set([{ d: `x-api-key: ${key}` }])]]) }] };
  const report: ProbeReport = {
    exportsType: exportsValue === null ? 'null' : typeof exportsValue,
    found: result.found,
    visited: result.visited,
    controlFound: walk(decoy, 'decoy', key).found.length === 1,
  };
  fs.writeFileSync(path.join(folder, probeOutput), JSON.stringify(report));
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(probeCommand, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!folder) throw new Error('the probe needs the workspace folder');
      await probe(folder);
    }),
  );
}
