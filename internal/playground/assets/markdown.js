// Discord's markdown, turned into DOM nodes. Every character of the text
// ends up in a text node: nothing here parses HTML, so text can never become
// markup.
//
// Blocks: block quotes ("> " and ">>> "), code blocks, headings ("# " to
// "### "), subtext ("-# ") and lists ("- ", "* ", "1. "). Inline: escapes,
// code, bold, italics, underline, strikethrough, spoilers, masked links,
// links, and mentions of users, roles, channels and timestamps.

// el makes an element with a class and children (nodes or strings).
export function el(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

// safeURL returns url when it is an absolute http or https address, the
// only links the page will follow, and null otherwise.
export function safeURL(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function link(url, children) {
  const a = el('a', 'link', ...children);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  a.title = url;
  return a;
}

// The inline rules, tried in order at each position where their first
// character stands. Each returns the nodes of its match.
const inlineRules = [
  { // "\*" is a literal "*"; a backslash before a letter stays.
    first: '\\', re: /\\([^0-9A-Za-z\s])/y,
    node: (m) => [m[1]],
  },
  {
    first: '`', re: /(`+)([\s\S]*?[^`])\1(?!`)/y,
    node: (m) => {
      let code = m[2];
      if (m[1].length >= 3) code = code.replace(/^[A-Za-z0-9_+-]*\n/, '');
      return [el(m[1].length >= 3 || code.includes('\n') ? 'pre' : 'code', 'md-code', code.replace(/^\n|\n$/g, ''))];
    },
  },
  { // <https://example.com>: a link without an embed.
    first: '<', re: /<(https?:\/\/[^\s>]+)>/y,
    node: (m) => { const u = safeURL(m[1]); return [u ? link(u, [m[1]]) : m[0]]; },
  },
  {
    first: '<', re: /<(@!?|@&|#)(\d+)>/y,
    node: (m, ctx) => {
      const kind = m[1] === '#' ? 'channel' : m[1] === '@&' ? 'role' : 'user';
      return [el('span', 'mention', ctx.mentionName(kind, m[2]))];
    },
  },
  {
    first: '<', re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y,
    node: (m) => [el('span', 'md-timestamp', formatTimestamp(Number(m[1]), m[2] || 'f'))],
  },
  { // Custom emoji show as their name: the page loads no images.
    first: '<', re: /<a?:(\w+):\d+>/y,
    node: (m) => [':' + m[1] + ':'],
  },
  { // [text](https://example.com "title")
    first: '[', re: /\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?((?:\([^)]*\)|[^\s\\]|\\.)*?)>?(?:\s+['"]([\s\S]*?)['"])?\s*\)/y,
    node: (m, ctx) => {
      const u = safeURL(m[2]);
      return u ? [link(u, inline(m[1], ctx))] : [m[0]];
    },
  },
  {
    first: 'h', re: /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y, word: true,
    node: (m) => { const u = safeURL(m[0]); return [u ? link(u, [m[0]]) : m[0]]; },
  },
  {
    first: '*', re: /\*\*\*(?=\S)((?:\\[\s\S]|[^\\])+?)\*\*\*(?!\*)/y,
    node: (m, ctx) => [el('strong', '', el('em', '', ...inline(m[1], ctx)))],
  },
  {
    first: '*', re: /\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/y,
    node: (m, ctx) => [el('strong', '', ...inline(m[1], ctx))],
  },
  {
    first: '_', re: /__((?:\\[\s\S]|[^\\])+?)__(?!_)/y,
    node: (m, ctx) => [el('u', '', ...inline(m[1], ctx))],
  },
  {
    first: '*', re: /\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y,
    node: (m, ctx) => [el('em', '', ...inline(m[1], ctx))],
  },
  {
    first: '_', re: /_((?:__|\\[\s\S]|[^\\_])+?)_(?![A-Za-z0-9_])/y, word: true,
    node: (m, ctx) => [el('em', '', ...inline(m[1], ctx))],
  },
  {
    first: '~', re: /~~([\s\S]+?)~~/y,
    node: (m, ctx) => [el('s', '', ...inline(m[1], ctx))],
  },
  {
    first: '|', re: /\|\|([\s\S]+?)\|\|/y,
    node: (m, ctx) => {
      const s = el('span', 'spoiler', ...inline(m[1], ctx));
      s.tabIndex = 0;
      s.title = 'Spoiler: click to show';
      s.addEventListener('click', () => s.classList.add('revealed'));
      return [s];
    },
  },
];

const firstChars = new Set(inlineRules.map((r) => r.first));

// inline returns the nodes of text's inline markdown.
export function inline(text, ctx) {
  const out = [];
  let plain = '';
  let i = 0;
  scan: while (i < text.length) {
    const c = text[i];
    if (firstChars.has(c)) {
      // Rules marked word start only where a word does not continue.
      const afterWord = i > 0 && /[A-Za-z0-9_]/.test(text[i - 1]);
      for (const r of inlineRules) {
        if (r.first !== c || (r.word && afterWord)) continue;
        r.re.lastIndex = i;
        const m = r.re.exec(text);
        if (!m || m[0].length === 0) continue;
        if (plain) { out.push(plain); plain = ''; }
        out.push(...r.node(m, ctx));
        i += m[0].length;
        continue scan;
      }
    }
    plain += c;
    i++;
  }
  if (plain) out.push(plain);
  return out;
}

// markdown returns a fragment holding text rendered as Discord renders a
// message's content or an embed's description.
export function markdown(text, ctx) {
  const frag = document.createDocumentFragment();
  const lines = String(text ?? '').split('\n');
  let para = [];
  const flush = () => {
    if (para.length === 0) return;
    const joined = para.join('\n');
    frag.append(joined === '' ? el('div', 'md-line md-blank', '\u00a0') : el('div', 'md-line', ...inline(joined, ctx)));
    para = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    let m;
    if (line.startsWith('```')) {
      // A code block runs to the next line that closes it.
      let end = k;
      const rest = line.slice(3);
      if (!rest.includes('```')) {
        end = lines.findIndex((l, j) => j > k && l.includes('```'));
      }
      if (end >= 0) {
        flush();
        const block = lines.slice(k, end + 1).join('\n');
        frag.append(el('div', 'md-line', ...inline(block, ctx)));
        k = end;
        continue;
      }
    }
    if (!ctx.inQuote && (m = /^>>> ?([\s\S]*)$/.exec(line))) {
      flush();
      const rest = [m[1], ...lines.slice(k + 1)].join('\n');
      frag.append(el('blockquote', 'md-quote', markdown(rest, { ...ctx, inQuote: true })));
      break;
    }
    if (!ctx.inQuote && /^> /.test(line)) {
      flush();
      const quoted = [];
      while (k < lines.length && /^> /.test(lines[k])) {
        quoted.push(lines[k].slice(2));
        k++;
      }
      k--;
      frag.append(el('blockquote', 'md-quote', markdown(quoted.join('\n'), { ...ctx, inQuote: true })));
      continue;
    }
    if ((m = /^(#{1,3}) (\S.*)$/.exec(line))) {
      flush();
      frag.append(el('h' + (m[1].length + 2), 'md-heading', ...inline(m[2], ctx)));
      continue;
    }
    if ((m = /^-# (\S.*)$/.exec(line))) {
      flush();
      frag.append(el('div', 'md-subtext', ...inline(m[1], ctx)));
      continue;
    }
    if (/^\s*(?:[-*]|\d{1,9}\.) \S/.test(line)) {
      flush();
      const ordered = /^\s*\d/.test(line);
      const list = el(ordered ? 'ol' : 'ul', 'md-list');
      if (ordered) list.start = parseInt(line, 10);
      const item = ordered ? /^\s*\d{1,9}\. (\S.*)$/ : /^\s*[-*] (\S.*)$/;
      while (k < lines.length && (m = item.exec(lines[k]))) {
        list.append(el('li', '', ...inline(m[1], ctx)));
        k++;
      }
      k--;
      frag.append(list);
      continue;
    }
    para.push(line);
  }
  flush();
  return frag;
}

// inlineMarkdown returns a fragment of text's inline markdown only, as
// Discord renders an embed's title or a field's name.
export function inlineMarkdown(text, ctx) {
  const frag = document.createDocumentFragment();
  frag.append(...inline(String(text ?? ''), ctx));
  return frag;
}

// formatTimestamp writes unix seconds as Discord's timestamp styles do,
// in the reader's locale.
function formatTimestamp(secs, style) {
  const d = new Date(secs * 1000);
  if (Number.isNaN(d.getTime())) return String(secs);
  const opts = {
    t: { timeStyle: 'short' }, T: { timeStyle: 'medium' },
    d: { dateStyle: 'short' }, D: { dateStyle: 'long' },
    f: { dateStyle: 'long', timeStyle: 'short' }, F: { dateStyle: 'full', timeStyle: 'short' },
  }[style];
  if (opts) return d.toLocaleString(undefined, opts);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const diff = (d.getTime() - Date.now()) / 1000;
  for (const [unit, n] of [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(diff) >= n) return rtf.format(Math.round(diff / n), unit);
  }
  return rtf.format(Math.round(diff), 'second');
}
