import type { CliContext } from '../context';

/** Snippets carry <mark> around matches; a terminal shows them in bold instead. */
function forTerminal(snippet: string): string {
  return snippet
    .replace(/<mark>/g, '\u001b[1m')
    .replace(/<\/mark>/g, '\u001b[0m')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function searchCommand(ctx: CliContext, query: string, limit: number): void {
  const hits = ctx.store().search(query, { limit });
  if (ctx.json) {
    ctx.printJson(hits.map(({ id, headline, snippet }) => ({ id, headline, snippet })));
    return;
  }
  if (hits.length === 0) ctx.print('Không tìm thấy bài nào.');
  for (const hit of hits) ctx.print(`${hit.id}  ${hit.headline}\n    ${forTerminal(hit.snippet)}`);
}
