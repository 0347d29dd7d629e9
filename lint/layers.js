// The layer rule: which top-level folder ("room") may import which. A relative
// import is resolved against the importing file, so '../../db/x' is caught at
// any depth and a subfolder that happens to share a room's name is not.
// Package imports (no leading dot) are left to the other rules.
import path from 'node:path';

/** Room → rooms it may import. `service:entry` is service/index.ts alone. */
export const LAYERS = {
  core: ['core'],
  db: ['db', 'core'],
  service: ['service', 'db', 'core'],
  renderer: ['renderer', 'core'],
  server: ['server', 'core'],
  electron: ['electron', 'core', 'service:entry'],
  cli: ['cli', 'core', 'service:entry'],
};

const SERVICE_ENTRY = new Set(['service', 'service/index', 'service/index.ts', 'service/index.js']);

function roomOf(relativePath) {
  const top = relativePath.split('/')[0];
  return Object.hasOwn(LAYERS, top) ? top : null;
}

function allows(room, target) {
  // A package reached by a relative path (e.g. a dictionary file imported as ?raw) is not a room.
  if (target.startsWith('node_modules/')) return true;
  const allowed = LAYERS[room];
  const targetRoom = target.split('/')[0];
  if (allowed.includes(targetRoom)) return true;
  return allowed.includes('service:entry') && SERVICE_ENTRY.has(target);
}

function describe(room) {
  return LAYERS[room].map((r) => (r === 'service:entry' ? "service/'s entry (service/index.ts)" : `${r}/`)).join(', ');
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each top-level folder imports only the folders ARCHITECTURE.md allows it.' },
    schema: [],
    messages: { layer: '{{room}}/ may import only {{allowed}}; "{{source}}" reaches {{target}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const room = roomOf(file);
    if (room === null) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
      if (allows(room, resolved)) return;
      context.report({ node, messageId: 'layer', data: { room, allowed: describe(room), source, target: resolved } });
    }
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default { rules: { layers: layersRule } };
