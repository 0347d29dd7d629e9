import { renderStoryText } from '../../core/render';
import type { StoredStory } from '../../service';
import { CliError } from '../errors';
import type { CliContext } from '../context';

export function requireStory(ctx: CliContext, id: string): StoredStory {
  const story = ctx.store().stories.get(id);
  if (!story) throw new CliError(`Không có bài nào với mã ${id}`);
  return story;
}

export function showCommand(ctx: CliContext, id: string): void {
  const story = requireStory(ctx, id);
  if (ctx.json) {
    ctx.printJson(story);
    return;
  }
  ctx.print(
    [
      `Mã:          ${story.id}`,
      `Trạng thái:  ${story.localOnly ? 'tin tham khảo (chỉ trên máy này)' : story.status}${story.deletedAt ? ' (trong thùng rác)' : ''}`,
      `Chuyên mục:  ${story.section || '—'}`,
      `Tác giả:     ${story.author}`,
      `Số chữ:      ${story.wordCount}`,
      `Sửa lần cuối: ${story.updatedAt}`,
      '',
      renderStoryText(story),
    ].join('\n'),
  );
}
