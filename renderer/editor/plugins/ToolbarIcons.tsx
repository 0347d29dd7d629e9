// Icons for the toolbar buttons that have no letter to show. Drawn inline so
// they need no icon font (emoji fonts are missing on many Linux desks).
import type { ReactNode } from 'react';

function Icon(props: { children: ReactNode }): ReactNode {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {props.children}
    </svg>
  );
}

export const LinkIcon = (): ReactNode => (
  <Icon>
    <path d="M6.5 9.5l3-3" />
    <path d="M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1" />
    <path d="M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />
  </Icon>
);

export const ImageIcon = (): ReactNode => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <circle cx="6" cy="6.5" r="1.2" />
    <path d="M2.5 12l4-4 3 3 2-2 2.5 2.5" />
  </Icon>
);

export const RelatedIcon = (): ReactNode => (
  <Icon>
    <path d="M2.5 4h2M2.5 8h2M2.5 12h2" />
    <path d="M7 4h6.5M7 8h6.5M7 12h6.5" />
  </Icon>
);
