import { renderStoryDocument, renderStoryText } from '../../core/render';
import { CliError } from '../errors';
import type { CliContext } from '../context';
import { requireStory } from './show';

export const EXPORT_FORMATS = ['json', 'html', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportCommand(ctx: CliContext, id: string, format: string): void {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`Định dạng xuất không hợp lệ: ${format} (chọn json, html hoặc txt)`);
  }
  const story = requireStory(ctx, id);
  switch (format as ExportFormat) {
    case 'json':
      ctx.print(JSON.stringify(story, null, 2));
      break;
    case 'html':
      ctx.print(renderStoryDocument(story));
      break;
    case 'txt':
      ctx.print(renderStoryText(story));
      break;
  }
}
