// What our block decorator nodes (figure, related stories) share: Lexical gives
// them an empty block <div> to hang a React view on, never re-creates it, and
// here they decorate with nothing; the desktop editor draws them in that div.
import { $getDocument, DecoratorNode } from 'lexical';

export abstract class NewsBlockNode extends DecoratorNode<unknown> {
  /** The class of the element the editor mounts this node's view in. */
  protected abstract domClassName(): string;

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement('div');
    element.className = this.domClassName();
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): unknown {
    return null;
  }
}
