// View state that survives the panel being hidden or reloaded. The host owns the conversation;
// only the draft and the scroll position live here.
import type { HostPort } from './vscodeApi';

export interface ViewState {
  readonly draft: string;
  readonly scrollTop?: number;
  /** The view followed the stream (was at the bottom) when last saved. */
  readonly atBottom?: boolean;
  /** How many of the last turns were rendered (the rest render on demand); scrollTop is within them. */
  readonly shownTurns?: number;
}

export class ViewStateStore {
  private state: ViewState;

  constructor(private readonly host: HostPort) {
    this.state = parseState(host.getState());
  }

  get current(): ViewState {
    return this.state;
  }

  update(change: Partial<ViewState>): void {
    this.state = { ...this.state, ...change };
    this.host.setState(this.state);
  }
}

/** getState returns whatever an older version stored: accept only the fields we recognize. */
function parseState(raw: unknown): ViewState {
  if (typeof raw !== 'object' || raw === null) return { draft: '' };
  const r = raw as Record<string, unknown>;
  return {
    draft: typeof r.draft === 'string' ? r.draft : '',
    scrollTop: typeof r.scrollTop === 'number' ? r.scrollTop : undefined,
    atBottom: typeof r.atBottom === 'boolean' ? r.atBottom : undefined,
    shownTurns: typeof r.shownTurns === 'number' ? r.shownTurns : undefined,
  };
}
