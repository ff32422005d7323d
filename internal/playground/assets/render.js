// Messages as Discord shows them: author line, content, embeds, buttons,
// the "Only you can see this" note of ephemeral messages, and the line
// above a message that says which command or message it answers. It
// renders the JSON the bot sent, field by field, with text as text only.

import { el, inlineMarkdown, markdown, safeURL } from './markdown.js';

const FLAG_EPHEMERAL = 1 << 6;

const SVG = 'http://www.w3.org/2000/svg';

// icon returns a small SVG icon drawn by path d.
function icon(d, className) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon ' + (className || ''));
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

const EYE = 'M12 5C5.6 5 2 12 2 12s3.6 7 10 7 10-7 10-7-3.6-7-10-7Zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-2a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z';
const EXTERNAL = 'M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H7v10h10v-4h2v6H5V5Z';
const CHECK = 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z';

// isEphemeral reports whether a message's flags make it ephemeral.
export function isEphemeral(data) {
  return ((data && data.flags) | 0) & FLAG_EPHEMERAL;
}

// displayName is the name Discord shows for a user.
export function displayName(user) {
  return (user && (user.global_name || user.username)) || 'Unknown';
}

function avatar(user, small) {
  const a = el('div', small ? 'avatar avatar-small' : 'avatar');
  if (user && user.bot) {
    const img = el('img');
    img.src = '/assets/icon.svg';
    img.alt = '';
    a.append(img);
  } else {
    a.classList.add('avatar-user');
    a.append(displayName(user).slice(0, 1).toUpperCase());
  }
  return a;
}

function timeLabel(date) {
  const t = date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  const today = new Date().toDateString() === date.toDateString();
  return (today ? 'Today at ' : date.toLocaleDateString() + ' ') + t;
}

// snippet is the short text a reply line shows of the message it answers.
function snippet(model) {
  const d = model.data || {};
  if (d.content) return d.content.split('\n')[0];
  const e = (d.embeds || [])[0];
  if (e) return e.title || e.description || 'Click to see attachment';
  return 'Click to see the message';
}

function headerLine(model, ctx) {
  const h = model.header;
  if (!h) return null;
  const line = el('div', 'msg-reply');
  line.append(el('span', 'reply-spine'));
  if (h.kind === 'command') {
    line.append(avatar(h.user, true), el('span', 'reply-author', displayName(h.user)),
      el('span', 'reply-used', 'used'), el('span', 'reply-command', h.name));
  } else if (h.kind === 'reply' && h.to) {
    const to = h.to;
    const text = el('span', 'reply-text', inlineMarkdown(snippet(to), ctx));
    line.append(avatar(to.author, true), el('span', 'reply-author', (h.ping ? '@' : '') + displayName(to.author)), text);
    line.classList.add('clickable');
    line.title = 'Show the message';
    line.addEventListener('click', () => ctx.reveal(to));
  }
  return line;
}

// embed renders one embed: colour bar, author, title, description, fields
// and footer. Images are left out: the page loads nothing from elsewhere.
export function embed(e, ctx) {
  const box = el('article', 'embed');
  if (typeof e.color === 'number') {
    box.style.borderLeftColor = '#' + (e.color & 0xffffff).toString(16).padStart(6, '0');
  }
  if (e.author && e.author.name) {
    const url = safeURL(e.author.url);
    const name = url ? el('a', 'embed-author-name link', e.author.name) : el('span', 'embed-author-name', e.author.name);
    if (url) { name.href = url; name.target = '_blank'; name.rel = 'noopener noreferrer nofollow'; }
    box.append(el('div', 'embed-author', name));
  }
  if (e.title) {
    const url = safeURL(e.url);
    const title = el(url ? 'a' : 'div', 'embed-title', inlineMarkdown(e.title, ctx));
    if (url) { title.href = url; title.target = '_blank'; title.rel = 'noopener noreferrer nofollow'; title.classList.add('link'); }
    box.append(title);
  }
  if (e.description) box.append(el('div', 'embed-description', markdown(e.description, ctx)));
  if (Array.isArray(e.fields) && e.fields.length > 0) {
    const fields = el('div', 'embed-fields');
    // Inline fields share a row, up to three to a row; others take a row.
    let run = [];
    const place = () => {
      for (const f of run) f.style.gridColumn = 'span ' + 12 / run.length;
      run = [];
    };
    for (const f of e.fields) {
      if (!f) continue;
      const field = el('div', 'embed-field',
        el('div', 'embed-field-name', inlineMarkdown(f.name, ctx)),
        el('div', 'embed-field-value', markdown(f.value, ctx)));
      if (f.inline) {
        if (run.length === 3) place();
        run.push(field);
      } else {
        place();
        field.style.gridColumn = 'span 12';
      }
      fields.append(field);
    }
    place();
    box.append(fields);
  }
  const footer = e.footer && e.footer.text;
  const when = e.timestamp ? new Date(e.timestamp) : null;
  if (footer || (when && !Number.isNaN(when.getTime()))) {
    const f = el('div', 'embed-footer');
    if (footer) f.append(el('span', 'embed-footer-text', footer));
    if (footer && when) f.append(el('span', 'embed-footer-sep', ' • '));
    if (when && !Number.isNaN(when.getTime())) f.append(el('time', '', timeLabel(when)));
    box.append(f);
  }
  return box;
}

const buttonStyles = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

// button renders a button component; pressing an enabled one calls
// ctx.press, a link button opens its page.
function button(b, model, ctx) {
  const style = buttonStyles[b.style] || 'secondary';
  const parts = [];
  if (b.emoji && b.emoji.name) parts.push(el('span', 'btn-emoji', b.emoji.id ? ':' + b.emoji.name + ':' : b.emoji.name));
  if (b.label) parts.push(el('span', 'btn-label', b.label));
  if (style === 'link') {
    const url = safeURL(b.url);
    const a = el('a', 'btn btn-link', ...parts, icon(EXTERNAL, 'btn-external'));
    if (url && !b.disabled) {
      a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer nofollow'; a.title = url;
    } else {
      a.classList.add('disabled');
      a.setAttribute('aria-disabled', 'true');
    }
    return a;
  }
  const btn = el('button', 'btn btn-' + style, ...parts);
  btn.type = 'button';
  btn.disabled = !!b.disabled || style === 'premium' || !b.custom_id;
  if (b.custom_id) btn.dataset.customId = b.custom_id;
  btn.addEventListener('click', () => ctx.press(model, b, btn));
  return btn;
}

// components renders a message's action rows.
function components(rows, model, ctx) {
  const box = el('div', 'components');
  for (const row of rows) {
    if (!row) continue;
    if (row.type !== 1) {
      box.append(el('div', 'component-unknown', `(a component of type ${row.type}, which the playground does not show)`));
      continue;
    }
    const r = el('div', 'action-row');
    for (const c of row.components || []) {
      if (c && c.type === 2) {
        r.append(button(c, model, ctx));
      } else if (c) {
        const menu = el('div', 'select-menu', c.placeholder || 'Make a selection');
        menu.setAttribute('aria-disabled', 'true');
        menu.title = 'Select menus are shown but cannot be used in the playground';
        r.append(menu);
      }
    }
    box.append(r);
  }
  return box;
}

// body renders what a message says: content, embeds and components.
function body(model, ctx) {
  const d = model.data || {};
  const parts = [];
  if (d.content) parts.push(el('div', 'msg-content', markdown(d.content, ctx)));
  if (Array.isArray(d.embeds) && d.embeds.length > 0) {
    parts.push(el('div', 'embeds', ...d.embeds.filter(Boolean).map((e) => embed(e, ctx))));
  }
  if (Array.isArray(d.components) && d.components.length > 0) parts.push(components(d.components, model, ctx));
  return parts;
}

// message renders a whole message into the element el, which it empties
// first, so that an updated message keeps its place.
export function message(model, ctx, node) {
  const root = node || el('article', 'msg');
  root.replaceChildren();
  root.dataset.id = model.id;
  root.dataset.author = model.author && model.author.bot ? 'bot' : 'user';
  root.classList.toggle('ephemeral', !!isEphemeral(model.data));
  root.classList.toggle('has-reply', !!model.header);

  const header = headerLine(model, ctx);
  if (header) root.append(header);
  root.append(avatar(model.author));

  const meta = el('h3', 'msg-meta', el('span', 'username', displayName(model.author)));
  if (model.author && model.author.bot) {
    meta.append(el('span', 'app-tag', icon(CHECK, 'app-tag-check'), 'APP'));
  }
  meta.append(el('time', 'msg-time', timeLabel(model.timestamp)));
  if (model.edited) meta.append(el('span', 'msg-edited', '(edited)'));

  const main = el('div', 'msg-body', meta, ...body(model, ctx));
  if (model.failed) main.append(el('div', 'interaction-failed', model.failed));
  if (model.note) main.append(el('div', 'msg-note', model.note));
  if (isEphemeral(model.data)) {
    const dismiss = el('button', 'dismiss', 'Dismiss message');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => ctx.dismiss(model));
    main.append(el('div', 'ephemeral-note', icon(EYE, 'eye'), el('span', 'ephemeral-text', 'Only you can see this'), ' • ', dismiss));
  }
  root.append(main);

  // Discord offers no apps on ephemeral messages.
  const apps = ctx.appsFor(model);
  if (apps.length > 0 && !isEphemeral(model.data)) root.append(appsButton(model, apps, ctx));
  return root;
}

// appsButton is a message's Apps menu: its message commands.
function appsButton(model, apps, ctx) {
  const box = el('div', 'msg-actions');
  const open = el('button', 'apps-button', 'Apps');
  open.type = 'button';
  open.title = 'Apps';
  open.setAttribute('aria-haspopup', 'menu');
  const menu = el('div', 'apps-menu');
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  for (const cmd of apps) {
    const item = el('button', 'apps-item', el('span', 'apps-item-name', cmd.name), el('span', 'apps-item-app', 'articlebot'));
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.addEventListener('click', () => { menu.hidden = true; ctx.useApp(model, cmd); });
    menu.append(item);
  }
  open.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const wasHidden = menu.hidden;
    document.querySelectorAll('.apps-menu').forEach((m) => { m.hidden = true; });
    menu.hidden = !wasHidden;
  });
  box.append(open, menu);
  return box;
}

// systemMessage renders a note from the playground itself, not from the bot.
export function systemMessage(text) {
  return el('div', 'system-message', el('span', 'system-tag', 'PLAYGROUND'), ' ', text);
}
