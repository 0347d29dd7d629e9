// Commands the toolbar, shortcuts and plugins send one another.
import { createCommand, type LexicalCommand, type NodeKey } from 'lexical';

/** Upload these files and insert each as a figure at the selection. */
export const INSERT_IMAGE_FILES_COMMAND: LexicalCommand<File[]> = createCommand('INSERT_IMAGE_FILES_COMMAND');
/** Open the file dialog for images: for a new figure, or (with a node key) for a figure that has no image yet. */
export const OPEN_IMAGE_DIALOG_COMMAND: LexicalCommand<NodeKey | null> = createCommand('OPEN_IMAGE_DIALOG_COMMAND');
/** Open the link dialog for the selection. */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');
/** Open the related-stories picker; with a node key, edit that block. */
export const OPEN_RELATED_PICKER_COMMAND: LexicalCommand<string | null> = createCommand('OPEN_RELATED_PICKER_COMMAND');
