// Dropping a .txt or .docx anywhere on the window imports it — including onto
// the editor, which would otherwise take any dropped file as an image. The
// listener runs in the capture phase so it sees the drop first; files it does
// not want (images) continue to the editor. A file nobody took is swallowed,
// so the browser never navigates away to show it.
import { useEffect, useState } from 'react';
import { mayBeImportable, pickImportable } from './import-file';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function useFileDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event) || event.dataTransfer === null) return;
      if (mayBeImportable(event.dataTransfer.items)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }
    };
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDropCapture = (event: DragEvent): void => {
      setDragging(false);
      if (event.dataTransfer === null) return;
      const file = pickImportable(event.dataTransfer.files);
      if (file === null) return;
      event.preventDefault();
      event.stopPropagation();
      onFile(file);
    };
    const onUnclaimed = (event: DragEvent): void => {
      if (hasFiles(event)) event.preventDefault();
    };

    window.addEventListener('dragenter', onDragOver, true);
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDropCapture, true);
    window.addEventListener('dragover', onUnclaimed);
    window.addEventListener('drop', onUnclaimed);
    return () => {
      window.removeEventListener('dragenter', onDragOver, true);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDropCapture, true);
      window.removeEventListener('dragover', onUnclaimed);
      window.removeEventListener('drop', onUnclaimed);
    };
  }, [onFile]);

  return dragging;
}
