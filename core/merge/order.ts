// The order of a parent's blocks after a merge, from the three orders of their
// ids. node-diff3's longest common subsequence tells, for each side, which
// base blocks kept their order and which that side moved. Then:
// - blocks neither side moved keep the base order;
// - a block one side inserted or moved goes right after the block it follows
//   on that side (the nearest one that is still in place, or that the same
//   side placed too), so it travels with its neighbour; both sides putting it
//   after the same block is one placement;
// - blocks both sides put at one place: mine's first, then theirs' (the only
//   way the result depends on which side is "mine");
// - a block both sides moved, to different places, goes where mine put it
//   (the caller records 'both-moved').
import { LCS, type ILCSResult } from 'node-diff3';

export interface OrderMerge {
  order: string[];
  /** Ids both sides moved, to different places (after different blocks). */
  movedByBoth: string[];
}

/** Base ids that `side` keeps but not in their base order: the ones it moved. */
export function movedIds(base: readonly string[], side: readonly string[]): Set<string> {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const baseCommon = base.filter((id) => inSide.has(id));
  const sideCommon = side.filter((id) => inBase.has(id));
  const inPlace = new Set<string>();
  for (let link: ILCSResult | null = LCS(baseCommon, sideCommon); link !== null && link.buffer1index >= 0; link = link.chain) {
    inPlace.add(baseCommon[link.buffer1index] as string);
  }
  return new Set(baseCommon.filter((id) => !inPlace.has(id)));
}

type Placer = 'mine' | 'theirs' | 'both';

export function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  survives: (id: string) => boolean,
): OrderMerge {
  const movedByMine = movedIds(base, mine);
  const movedByTheirs = movedIds(base, theirs);
  const inBase = new Set(base);
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  /** The nearest block before `id` on that side that the merge keeps; null at the start. */
  const before = (side: readonly string[], id: string): string | null => {
    for (let k = side.indexOf(id) - 1; k >= 0; k--) if (survives(side[k] as string)) return side[k] as string;
    return null;
  };

  // Who places each block that does not simply keep its base place: the side
  // that inserted or moved it, or both when both put it after the same block.
  const placer = new Map<string, Placer>();
  const movedByBoth: string[] = [];
  for (const id of new Set([...mine, ...theirs])) {
    if (!survives(id)) continue;
    const byMine = inMine.has(id) && (inBase.has(id) ? movedByMine.has(id) : true);
    const byTheirs = inTheirs.has(id) && (inBase.has(id) ? movedByTheirs.has(id) : true);
    if (byMine && byTheirs) {
      if (before(mine, id) === before(theirs, id)) placer.set(id, 'both');
      else {
        placer.set(id, 'mine');
        if (inBase.has(id)) movedByBoth.push(id);
      }
    } else if (byMine) placer.set(id, 'mine');
    else if (byTheirs) placer.set(id, 'theirs');
  }

  // Each placed block hangs after an anchor (null: the parent's start): the
  // nearest block before it, on the side that placed it, that stays in its
  // base place or that the same side (or both) placed.
  const following = new Map<string | null, string[]>();
  const hang = (anchor: string | null, id: string): void => {
    const list = following.get(anchor);
    if (list === undefined) following.set(anchor, [id]);
    else list.push(id);
  };
  const stays = (id: string): boolean => inBase.has(id) && survives(id) && !placer.has(id);
  for (const [side, sequence] of [['mine', mine], ['theirs', theirs]] as const) {
    sequence.forEach((id, index) => {
      const who = placer.get(id);
      if (who === 'both') {
        if (side === 'mine') hang(before(mine, id), id);
        return;
      }
      if (who !== side) return;
      let anchor: string | null = null;
      for (let k = index - 1; k >= 0 && anchor === null; k--) {
        const candidate = sequence[k] as string;
        const by = placer.get(candidate);
        if (stays(candidate) || by === side || by === 'both') anchor = candidate;
      }
      hang(anchor, id);
    });
  }

  const order: string[] = [];
  const emit = (id: string): void => {
    order.push(id);
    for (const next of following.get(id) ?? []) emit(next);
  };
  for (const id of following.get(null) ?? []) emit(id);
  for (const id of base) if (stays(id)) emit(id);
  return { order, movedByBoth };
}
