// What the key probe and the e2e test that drives it agree on (no vscode import: the test loads it).

export const probeId = 'thinkfast-test.key-probe';
export const probeCommand = 'thinkfastKeyProbe.run';
export const probeTitle = 'Thinkfast Key Probe: Look for the Key';
export const probeInput = '.key-probe-in.json';
export const probeOutput = '.key-probe-out.json';

export interface ProbeReport {
  readonly exportsType: string;
  /** Paths at which a string containing the key was found. */
  readonly found: string[];
  /** Objects visited: shows the walk reached something. */
  readonly visited: number;
  /** The walker found the key in a decoy built to hide it (it can find what is there). */
  readonly controlFound: boolean;
}
