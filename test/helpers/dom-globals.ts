// A happy-dom window installed as `window` and `document` only, for tests that
// render React next to a real app service: the happy-dom test environment
// would also replace Node's URL and fetch, which the service needs. Import it
// first, before react-dom, which looks for a DOM when it loads.
import { Window } from 'happy-dom';

export const dom = new Window({ url: 'http://127.0.0.1/' });
Object.assign(globalThis, { window: dom, document: dom.document, IS_REACT_ACT_ENVIRONMENT: true });
