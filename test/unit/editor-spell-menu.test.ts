// Where the spelling menu opens: under the click when it fits, above it near
// the bottom edge (the menu once ran 23 px off the window there), moved left
// near the right edge, and never outside the window.
import { describe, expect, it } from 'vitest';
import { placeMenu } from '../../renderer/editor/spell/SpellMenu';

const WINDOW = { width: 1280, height: 640 };
const MENU = { width: 200, height: 260 };

describe('placeMenu', () => {
  it.each([
    ['room below: under the click', { x: 400, y: 100 }, { left: 400, top: 104 }],
    ['at the bottom edge: above the click', { x: 400, y: 620 }, { left: 400, top: 356 }],
    ['at the right edge: moved left', { x: 1250, y: 100 }, { left: 1072, top: 104 }],
    ['in the bottom right corner: above and left', { x: 1279, y: 639 }, { left: 1072, top: 375 }],
  ])('%s', (_case, click, expected) => {
    expect(placeMenu(click, MENU, WINDOW)).toEqual(expected);
  });

  it('keeps a menu taller than the room above and below inside the window', () => {
    const place = placeMenu({ x: 400, y: 200 }, { width: 200, height: 500 }, WINDOW);
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + 500).toBeLessThanOrEqual(WINDOW.height - 8);
  });
});
