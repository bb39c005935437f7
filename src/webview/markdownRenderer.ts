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
const allowedAttrs = ['href', 'title', 'class', 'start', 'aria-label', 'aria-hidden', 'tabindex'];

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

function installRenderRules(md: MarkdownItInstance): void {
  const escape = md.utils.escapeHtml;
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const info = md.utils.unescapeAll(token.info).trim();
    return codeBlockHtml(token.content, info.split(/\s+/)[0] ?? '', escape);
  };
  md.renderer.rules.code_block = (tokens, idx) => codeBlockHtml(tokens[idx].content, '', escape);
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

function codeBlockHtml(code: string, info: string, escape: (s: string) => string): string {
  const language = canonicalLanguage(info);
  const label = safeLanguageId.test(info) ? info : '';
  const body = (language && highlightCode(code, language)) ?? escape(code);
  return (
    `<div class="code-block">` +
    `<div class="code-header"><span class="code-lang">${escape(label || 'text')}</span>` +
    codeButton('copy', 'copy', 'Copy code') +
    codeButton('insert', 'insert', 'Insert at cursor') +
    `</div><pre tabindex="0"><code class="hljs${language ? ` language-${language}` : ''}">${body}</code></pre></div>\n`
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
