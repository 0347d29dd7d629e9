// The order of a parent's blocks after a merge, from the three orders of their
// ids. node-diff3 merges the sequences; a move is a delete in one place and an
// insert in another, so it merges like any edit. What this file adds:
// - where both sides inserted at one place, mine's blocks come first, then theirs';
// - a block moved by one side goes where that side put it; moved by both to
//   different places, where mine put it (the caller records 'both-moved');
// - only the ids the caller says survive are kept, and a survivor that the
//   sequence merge dropped (deleted on one side, edited on the other) goes back
//   after the block it followed on the side that kept it.
import { diff3MergeRegions, LCS, type ILCSResult } from 'node-diff3';

type Side = 'mine' | 'theirs' | 'base' | 'both';

export interface OrderMerge {
  order: string[];
  /** Ids both sides moved, to different places (after different blocks). */
  movedByBoth: string[];
}

/** Ids of `side` that are out of their base order (moved), among the ids both hold. */
function movedIds(base: readonly string[], side: readonly string[]): Set<string> {
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

function emittedIds(base: readonly string[], mine: readonly string[], theirs: readonly string[]): Array<[string, Side]> {
  const emitted: Array<[string, Side]> = [];
  const push = (ids: readonly string[], side: Side): void => {
    for (const id of ids) emitted.push([id, side]);
  };
  for (const region of diff3MergeRegions([...mine], [...base], [...theirs])) {
    if (region.stable) {
      push(region.bufferContent, region.buffer === 'a' ? 'mine' : region.buffer === 'b' ? 'theirs' : 'base');
    } else if (region.aContent.length === region.bContent.length && region.aContent.every((id, i) => id === region.bContent[i])) {
      push(region.aContent, 'both');
    } else {
      push(region.aContent, 'mine');
      push(region.bContent, 'theirs');
    }
  }
  return emitted;
}

export function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  survives: (id: string) => boolean,
): OrderMerge {
  const movedByMine = movedIds(base, mine);
  const movedByTheirs = movedIds(base, theirs);
  const previous = (side: readonly string[], id: string): string | null => side[side.indexOf(id) - 1] ?? null;
  const movedByBoth = [...movedByMine].filter((id) => movedByTheirs.has(id) && previous(mine, id) !== previous(theirs, id));
  const preferred = (id: string): Side | null => {
    if (movedByMine.has(id)) return 'mine';
    if (movedByTheirs.has(id)) return 'theirs';
    return null;
  };

  // An id emitted twice (a moved block, seen at its old and new places): keep
  // the place of the side that moved it, else the first.
  const emitted = emittedIds(base, mine, theirs).filter(([id]) => survives(id));
  const chosen = new Map<string, number>();
  emitted.forEach(([id, side], index) => {
    const want = preferred(id);
    const current = chosen.get(id);
    const matches = want !== null && (side === want || side === 'both');
    if (current === undefined) chosen.set(id, index);
    else if (matches) {
      const currentSide = emitted[current]?.[1];
      if (currentSide !== want && currentSide !== 'both') chosen.set(id, index);
    }
  });
  const order = emitted.filter(([id], index) => chosen.get(id) === index).map(([id]) => id);

  // Survivors the sequence merge left out go back after their neighbour.
  const placed = new Set(order);
  for (const side of [mine, theirs]) {
    side.forEach((id, index) => {
      if (placed.has(id) || !survives(id)) return;
      let at = 0;
      for (let k = index - 1; k >= 0; k--) {
        const before = order.indexOf(side[k] as string);
        if (before >= 0) {
          at = before + 1;
          break;
        }
      }
      order.splice(at, 0, id);
      placed.add(id);
    });
  }
  return { order, movedByBoth: movedByBoth.filter((id) => placed.has(id)) };
}
