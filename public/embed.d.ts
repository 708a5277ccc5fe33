// Types for embed.js, the article viewer's one script for a publisher's page:
//
//   <script type="module" src="https://viewer.example/embed.js"></script>
//   <article-viewer src="https://news.example/articles/story.json"></article-viewer>
//
// Each <article-viewer> (and each <div data-article-viewer data-src="…">) is
// a viewer whenever it is in the document: at load, inserted later, moved.
// A change of an attribute takes effect at once; an element removed stops
// all its work. Events bubble out of the viewer (composed) with a detail.

/** Which parts show: a comma- or space-separated list of these. */
export type ArticleViewerSection = 'story' | 'social' | 'timeline';

export interface ArticleViewerLoadDetail {
  /** The article's absolute URL. */
  src: string;
  /** The article's `id`. */
  id: string;
  headline: string;
}

export interface ArticleViewerErrorDetail {
  /** The address that failed, as asked for (relative to the page, or absolute). */
  src: string;
  /** What went wrong, in a sentence for the reader, in the viewer's language. */
  message: string;
}

export interface ArticleViewerOpenDetail {
  /** The absolute URL of the story the reader opened in place. */
  src: string;
  /** The absolute URL of the story they opened it from, if one was shown. */
  from: string | null;
}

export interface ArticleViewerUpdateDetail {
  /** Live updates waiting behind the reader's "new updates" button. */
  count: number;
}

export interface ArticleViewerEventMap {
  /** A story is on screen. */
  'article-viewer:load': CustomEvent<ArticleViewerLoadDetail>;
  /** A story could not be loaded; the one on screen, if any, stays. */
  'article-viewer:error': CustomEvent<ArticleViewerErrorDetail>;
  /** The reader opened another story in place (a timeline entry, a related story). */
  'article-viewer:open': CustomEvent<ArticleViewerOpenDetail>;
  /** Live updates arrived. */
  'article-viewer:update': CustomEvent<ArticleViewerUpdateDetail>;
}

/** `<article-viewer>`: each property reflects the attribute of its name. */
export interface ArticleViewerElement extends HTMLElement {
  /** The article's address, relative to the page or absolute (the other server must allow CORS). */
  src: string;
  /** `light`, `dark` or `auto` (the default: the reader's). */
  theme: 'light' | 'dark' | 'auto' | '';
  /** Which parts show, e.g. `story,timeline`; all of them by default. */
  sections: string;
  /** The interface language (BCP 47); the article's by default. */
  lang: string;
  /** `low`: images wait for a tap, live updates at most once a minute. */
  data: 'low' | '';
  addEventListener<K extends keyof ArticleViewerEventMap>(
    type: K,
    listener: (this: ArticleViewerElement, event: ArticleViewerEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ArticleViewerEventMap>(
    type: K,
    listener: (this: ArticleViewerElement, event: ArticleViewerEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-viewer': ArticleViewerElement;
  }
  // The events bubble: a page may listen once, on document.
  interface DocumentEventMap extends ArticleViewerEventMap {}
  interface HTMLElementEventMap extends ArticleViewerEventMap {}
}
