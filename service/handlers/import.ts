// Import of files the user chose: a preview first (nothing written), then the
// story, through the same store.importArticle the CLI uses. The file is parsed
// again on create rather than trusting a preview sent back by the renderer.
import type { Handlers } from '../../core/api';
import { importArticle } from '../../core/import';
import { checkImportSize } from '../../core/import/errors';
import { authorOf, type ServiceContext } from '../context';
import { handler } from '../handler';
import { decodeBase64, decodedLength } from '../upload-bytes';

function readUpload(fileName: string, base64: string) {
  checkImportSize(decodedLength(base64));
  return importArticle(fileName, decodeBase64(base64));
}

export function importHandlers(context: ServiceContext): Pick<Handlers, 'import.preview' | 'import.create'> {
  return {
    'import.preview': handler('import.preview', ({ fileName, bytes }) => readUpload(fileName, bytes)),
    'import.create': handler('import.create', async ({ fileName, bytes, withTeasers }) => {
      const article = await readUpload(fileName, bytes);
      const stored = context.stories.importArticle(article, { author: authorOf(context), withTeasers: withTeasers ?? false });
      for (const id of [...stored.teaserIds, stored.storyId]) context.events.emit('story.changed', { id });
      return stored;
    }),
  };
}
