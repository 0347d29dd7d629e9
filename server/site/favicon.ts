// The site's icon: the desk's "N" mark (renderer/public/favicon.svg), served as
// /favicon.svg and named by every page's <link rel="icon">. Browsers that ask
// for /favicon.ico on their own are sent to the same picture.
export const FAVICON_PATH = '/favicon.svg';
export const FAVICON_ICO_PATH = '/favicon.ico';

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e8c"/><path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="#fff"/></svg>\n';
