// The turns of the open conversation, in order, as the message list knows them: every turn has a
// slot (its id), the last ones also their view (sent in full), and a slot gets its view when the
// host's `turns` page for it arrives. The loaded slots are always the last ones; pages extend
// them backwards. Only the answer to the latest `loadTurns` is taken, and only while the turn it
// was asked before is still the first loaded one, so a late or repeated page never puts a turn in
// twice or out of order.
import type { HostMessage, TurnStub, TurnView } from '../shared/protocol';
import { turnsPerPage } from '../shared/turnPages';
import type { ChatTurn } from './chatTurn';
import type { HostPort } from './vscodeApi';

export interface Slot {
  readonly id: string;
  /** The turn in full; absent until its page arrived. */
  view?: TurnView;
  /** Rendered. */
  turn?: ChatTurn;
}

type TurnsPage = Extract<HostMessage, { type: 'turns' }>;

export class TurnSlots {
  slots: Slot[] = [];
  /** slots[firstLoaded..] have their view. */
  private firstLoadedAt = 0;
  private conversationId = '';
  /** The latest `loadTurns` and the turn it asked before. */
  private asked: { readonly requestId: number; readonly beforeTurnId: string } | undefined;

  constructor(private readonly host: Pick<HostPort, 'post'>) {}

  get firstLoaded(): number {
    return this.firstLoadedAt;
  }

  reset(conversationId: string, earlier: readonly TurnStub[], views: readonly TurnView[]): void {
    this.conversationId = conversationId;
    this.asked = undefined;
    this.slots = [...earlier.map((s) => ({ id: s.id })), ...views.map((view) => ({ id: view.id, view }))];
    this.firstLoadedAt = earlier.length;
  }

  indexOf(id: string): number {
    for (let i = this.slots.length - 1; i >= 0; i--) if (this.slots[i].id === id) return i;
    return -1;
  }

  /** Removes the slots from `index` on; returns them. */
  removeFrom(index: number): Slot[] {
    const removed = this.slots.splice(index);
    this.firstLoadedAt = Math.min(this.firstLoadedAt, this.slots.length);
    return removed;
  }

  /**
   * A turn that is not rendered restarted: its slot takes the new view if it was loaded (else the
   * host's page will bring the turn as it is then).
   */
  refresh(view: TurnView, at: number): void {
    if (at >= this.firstLoadedAt) this.slots[at] = { id: view.id, view };
  }

  /**
   * Asks the host for `count` turns before the first loaded one, unless the last request asked
   * for the same ones (it is still on its way, or the host had none).
   */
  requestOlder(count = turnsPerPage): void {
    const first = this.slots[this.firstLoadedAt];
    if (this.firstLoadedAt === 0 || !first) return;
    if (this.asked?.beforeTurnId === first.id) return;
    const requestId = this.host.post({
      type: 'loadTurns',
      conversationId: this.conversationId,
      beforeTurnId: first.id,
      count,
    });
    this.asked = { requestId, beforeTurnId: first.id };
  }

  /** True while turns before the first loaded one were asked for and have not arrived. */
  get waiting(): boolean {
    return this.asked !== undefined && this.asked.beforeTurnId === this.slots[this.firstLoadedAt]?.id;
  }

  /** Takes the host's page; returns how many turns it loaded (0 for a stale or foreign page). */
  accept(page: TurnsPage, replyTo: number | undefined): number {
    const asked = this.asked;
    if (!asked || replyTo !== asked.requestId || page.conversationId !== this.conversationId) return 0;
    if (page.beforeTurnId !== asked.beforeTurnId || this.slots[this.firstLoadedAt]?.id !== asked.beforeTurnId)
      return 0;
    // From the turn next to the loaded ones backwards, while the ids are the slots' own.
    let loaded = 0;
    for (let k = page.turns.length - 1; k >= 0 && this.firstLoadedAt > 0; k--) {
      const slot = this.slots[this.firstLoadedAt - 1];
      if (slot.id !== page.turns[k].id) break;
      slot.view = page.turns[k];
      this.firstLoadedAt--;
      loaded++;
    }
    // An empty answer leaves `asked` in place, so the same turns are not asked for again.
    if (loaded > 0) this.asked = undefined;
    return loaded;
  }
}
