// The one markdown-it configuration of the chat panel, shared by the streaming renderer, the
// one-shot render of stored turns and the tests. Model output is untrusted: raw HTML is off,
// only http(s) links exist, images are never loaded, and every fragment passes DOMPurify.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance, Token } from 'markdown-it';
import { canonicalLanguage, highlightCode } from './highlight';
import { httpUrlPattern as httpUrl } from '../shared/patterns';

const safeLanguageId = /^[\w+#.-]{1,40}$/;

/** Tags markdown-it (with our rules) can produce; anything else is dropped by the sanitizer. */
const allowedTags = [
  'a',
  'blockquote',
  'br',
  'button',
  'code',
  'del',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'span',
  's',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const allowedAttrs = [
  'href',
  'title',
  'class',
  'start',
  'aria-label',
  'aria-hidden',
  'aria-pressed',
  'tabindex',
];

/** Parses and renders markdown for the panel; see createMarkdownRenderer. */
export interface MarkdownRenderer {
  /** Block and inline tokens of `source` (a whole document or the tail of one). */
  parse(source: string): Token[];
  /** HTML of some top-level tokens, not yet sanitized. */
  renderTokens(tokens: Token[]): string;
  /** Sanitized DOM of some top-level tokens, ready to insert. */
  renderFragment(tokens: Token[]): DocumentFragment;
  /** Sanitized DOM of a whole document at once: the reference the streaming result must equal. */
  renderDocument(source: string): DocumentFragment;
}

export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  // Reference definitions may come after their use, which would change blocks that were already
  // rendered while streaming; chat answers use inline links, so the rule is off everywhere.
  md.disable('reference');
  md.validateLink = (url) => httpUrl.test(url.trim());
  md.core.ruler.push('align_classes', (state) => {
    alignTables(state.tokens);
    return false;
  });
  md.core.ruler.push('fence_closed', (state) => {
    markClosedFences(state.src, state.tokens);
    return false;
  });
  installRenderRules(md);
  const options = md.options;
  const env = {};
  const renderTokens = (tokens: Token[]) => md.renderer.render(tokens, options, env);
  const renderFragment = (tokens: Token[]) => sanitize(renderTokens(tokens));
  return {
    parse: (source) => md.parse(source, env),
    renderTokens,
    renderFragment,
    renderDocument: (source) => renderFragment(md.parse(source, env)),
  };
}

/** Table cell alignment arrives as `style` attributes, which the CSP forbids: use classes. */
function alignTables(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    if (!style) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    const align = /text-align:(left|right|center)/.exec(String(style))?.[1];
    if (align) token.attrJoin('class', `align-${align}`);
  }
}

/**
 * Marks fences whose closing line is in the source. Only those get line numbers: a fence still
 * streaming is shown (and rendered at once from the same text) without them, so the streamed view
 * equals the one-shot render at every step.
 */
function markClosedFences(src: string, tokens: Token[]): void {
  let lines: string[] | undefined;
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    lines ??= src.split('\n');
    const last = token.map[1] - 1;
    // A closing fence as CommonMark has it: up to three spaces, the opening character at least
    // as many times, then only white space.
    const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[last] ?? '')?.[1] ?? '';
    const marker = token.markup;
    // The closing line must be complete (a line break after it): until then the stream shows
    // the fence as still open.
    const closed =
      last > token.map[0] &&
      last < lines.length - 1 &&
      closing[0] === marker[0] &&
      closing.length >= marker.length;
    token.meta = { ...(token.meta as object | null), closed };
  }
}

function installRenderRules(md: MarkdownItInstance): void {
  const escape = md.utils.escapeHtml;
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const info = md.utils.unescapeAll(token.info).trim();
    const closed = (token.meta as { closed?: boolean } | null)?.closed === true;
    return codeBlockHtml(token.content, info.split(/\s+/)[0] ?? '', escape, closed);
  };
  md.renderer.rules.code_block = (tokens, idx) => codeBlockHtml(tokens[idx].content, '', escape, false);
  const defaultLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    // Show where a link goes before it is followed (the host opens it in the browser).
    if (!token.attrGet('title')) token.attrSet('title', String(token.attrGet('href') ?? ''));
    return defaultLinkOpen
      ? defaultLinkOpen(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  // Images are never loaded (the CSP would block them anyway): show the alt text as a link.
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
    const label = `<span class="codicon codicon-file-media" aria-hidden="true"></span>${escape(alt)}`;
    if (!httpUrl.test(src)) return `<span class="md-image">${label}</span>`;
    return `<a class="md-image" href="${escape(src)}" title="Image not loaded: ${escape(src)}">${label}</a>`;
  };
}

/** Blocks with at least this many lines get line numbers. */
export const numberedBlockLines = 12;

/** The `thinkfast.chat.codeWrap` setting: whether blocks rendered from now on start wrapped. */
let wrapByDefault = false;

export function setCodeWrapDefault(wrap: boolean): void {
  wrapByDefault = wrap;
}

function codeBlockHtml(code: string, info: string, escape: (s: string) => string, closed: boolean): string {
  const language = canonicalLanguage(info);
  const label = safeLanguageId.test(info) ? info : '';
  const body = (language && highlightCode(code, language)) ?? escape(code);
  const lines = code.split('\n').length - (code.endsWith('\n') ? 1 : 0);
  // Numbers sit in their own column, outside `code`, so copying the code never copies them.
  const gutter =
    closed && lines >= numberedBlockLines
      ? `<span class="line-numbers" aria-hidden="true">${Array.from({ length: lines }, (_, i) => i + 1).join('\n')}</span>`
      : '';
  return (
    `<div class="code-block${wrapByDefault ? ' is-wrapped' : ''}">` +
    `<div class="code-header"><span class="code-lang">${escape(label || 'text')}</span>` +
    `<button class="code-action code-wrap" title="Wrap long lines" aria-label="Wrap long lines" aria-pressed="${wrapByDefault}">` +
    `<span class="codicon codicon-word-wrap" aria-hidden="true"></span></button>` +
    codeButton('open', 'go-to-file', 'Open in a new editor') +
    codeButton('insert', 'insert', 'Insert at cursor') +
    codeButton('copy', 'copy', 'Copy code') +
    `</div><pre tabindex="0"${gutter ? ' class="numbered"' : ''}>${gutter}` +
    `<code class="hljs${language ? ` language-${language}` : ''}">${body}</code></pre></div>\n`
  );
}

function codeButton(action: string, icon: string, label: string): string {
  return (
    `<button class="code-action code-${action}" title="${label}" aria-label="${label}">` +
    `<span class="codicon codicon-${icon}" aria-hidden="true"></span></button>`
  );
}

/**
 * Defense in depth: markdown-it already escapes, but nothing reaches the DOM unsanitized. A
 * private DOMPurify instance is configured once, because parsing the config on every call costs
 * more than sanitizing a typical streamed block.
 */
let purifier: ReturnType<typeof DOMPurify> | undefined;
function sanitize(html: string): DocumentFragment {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.setConfig({
      ALLOWED_TAGS: allowedTags,
      ALLOWED_ATTR: allowedAttrs,
      ALLOWED_URI_REGEXP: httpUrl,
      // Values of other attributes must look like http(s) URLs; a code block's `tabindex="0"`
      // (so a scrolling block can be scrolled from the keyboard) is safe as it is.
      ADD_URI_SAFE_ATTR: ['tabindex'],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    });
  }
  return purifier.sanitize(html) as unknown as DocumentFragment;
}
