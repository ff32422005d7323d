// The playground page: it plays Discord's part. It builds the interaction
// JSON Discord would send for what the person does, or the message the
// gateway would deliver, posts it to the server, which hands it to the
// bot's own handlers, and renders the JSON the bot answers with.

import { el } from './markdown.js';
import { displayName, message as renderMessage, systemMessage } from './render.js';
import { commandOptions, mentionAt, messageCommands, parseLine, withValue } from './composer.js';

const INTERACTION = { APPLICATION_COMMAND: 2, MESSAGE_COMPONENT: 3, AUTOCOMPLETE: 4 };
const RESPONSE = { CHANNEL_MESSAGE: 4, DEFERRED_MESSAGE: 5, DEFERRED_UPDATE: 6, UPDATE_MESSAGE: 7, AUTOCOMPLETE_RESULT: 8, MODAL: 9 };
const MESSAGE_TYPE = { DEFAULT: 0, REPLY: 19, CHAT_INPUT_COMMAND: 20, CONTEXT_MENU_COMMAND: 23 };

const $ = (id) => document.getElementById(id);
const list = $('messages');
const input = $('input');
const popup = $('popup');
const bar = $('command-bar');

let app = null; // the application, as GET /api/app describes it

// IDs are snowflakes made from the time, as Discord makes them.
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
function snowflake() {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

function interactionToken() {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return 'playground.' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// post sends body as JSON and returns the JSON answer, or null for 204.
// The conversation is marked busy while an answer is awaited.
let pending = 0;
async function post(path, body) {
  pending++;
  list.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status === 204) return null;
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${(await res.text()).trim()}`);
    return await res.json();
  } finally {
    if (--pending === 0) list.removeAttribute('aria-busy');
  }
}

// interaction returns the interaction Discord sends when the person acts
// in #playground: type is its type, data its data, message the message
// whose component was used.
function interaction(type, data, message) {
  const i = {
    app_permissions: app.app_permissions,
    application_id: app.application_id,
    authorizing_integration_owners: { 0: app.guild.id },
    channel: app.channel,
    channel_id: app.channel.id,
    context: 0,
    data,
    entitlements: [],
    guild: app.guild,
    guild_id: app.guild.id,
    guild_locale: app.guild.locale,
    id: snowflake(),
    locale: 'en-US',
    member: app.member,
    token: interactionToken(),
    type,
    version: 1,
  };
  if (message) i.message = message;
  return i;
}

// messageObject is a message shown on the page as Discord describes it in
// an interaction or in the gateway's MESSAGE_CREATE.
function messageObject(model) {
  const d = model.data || {};
  const m = {
    attachments: [],
    author: model.author,
    channel_id: app.channel.id,
    components: d.components || [],
    content: d.content || '',
    edited_timestamp: null,
    embeds: d.embeds || [],
    flags: d.flags || 0,
    id: model.id,
    mention_everyone: false,
    mention_roles: [],
    mentions: model.mentions || [],
    pinned: false,
    timestamp: model.timestamp.toISOString(),
    tts: false,
    type: model.type,
  };
  if (model.interaction) {
    m.application_id = app.application_id;
    m.webhook_id = app.application_id;
    m.interaction_metadata = {
      id: model.interaction.id,
      type: model.interaction.type,
      user: app.user,
      authorizing_integration_owners: { 0: app.guild.id },
    };
  }
  if (model.reference) m.message_reference = { type: 0, message_id: model.reference, channel_id: app.channel.id, guild_id: app.guild.id };
  return m;
}

// --- the conversation ---

const ctx = {
  mentionName(kind, id) {
    if (kind === 'channel') return '#' + (id === app.channel.id ? app.channel.name : 'unknown');
    if (kind === 'role') return '@unknown-role';
    if (id === app.bot.id) return '@' + displayName(app.bot);
    if (id === app.user.id) return '@' + displayName(app.user);
    return '@unknown-user';
  },
  appsFor: () => messageCommands(app.commands),
  press: pressButton,
  useApp,
  dismiss(model) { model.node.remove(); },
  reveal(model) {
    if (!model.node || !model.node.isConnected) return;
    model.node.scrollIntoView({ block: 'center', behavior: 'smooth' });
    model.node.classList.remove('flash');
    void model.node.offsetWidth;
    model.node.classList.add('flash');
  },
};

function scrollDown() { list.scrollTop = list.scrollHeight; }

function show(model) {
  model.node = renderMessage(model, ctx);
  list.append(model.node);
  scrollDown();
  return model;
}

function redraw(model) { renderMessage(model, ctx, model.node); }

function system(text) {
  list.append(systemMessage(text));
  scrollDown();
}

// messageData keeps the fields of a message out of a response's data.
function messageData(d) {
  return { content: d.content || '', embeds: d.embeds || [], components: d.components || [], flags: d.flags || 0 };
}

// botMessage is the message an interaction's response creates.
function botMessage(data, origin, i) {
  const model = {
    id: snowflake(),
    author: app.bot,
    data: messageData(data),
    header: origin.header,
    timestamp: new Date(),
    type: origin.messageType,
    interaction: { id: i.id, type: i.type },
  };
  if (origin.source) model.reference = origin.source.id;
  return model;
}

// answer sends interaction i and shows what the bot answers. origin says
// where it came from: the message line to show above a new message
// (header), the message type of that message, and for a button the
// message it belongs to (source).
async function answer(i, origin) {
  let r;
  try {
    r = await post('/api/interactions', i);
  } catch (err) {
    if (origin.source) {
      origin.source.failed = 'This interaction failed';
      redraw(origin.source);
    } else {
      system(`The application did not respond (${err.message}).`);
    }
    return;
  }
  const data = (r && r.data) || {};
  switch (r && r.type) {
    case RESPONSE.CHANNEL_MESSAGE:
      show(botMessage(data, origin, i));
      break;
    case RESPONSE.DEFERRED_MESSAGE: {
      const model = botMessage({ flags: data.flags }, origin, i);
      model.note = 'articlebot is thinking… (the playground shows no follow-up messages)';
      show(model);
      break;
    }
    case RESPONSE.DEFERRED_UPDATE:
      break;
    case RESPONSE.UPDATE_MESSAGE:
      if (origin.source) {
        // The message is edited in place: same message, new content.
        const d = origin.source.data;
        for (const k of ['content', 'embeds', 'components']) {
          if (k in data) d[k] = data[k] || (k === 'content' ? '' : []);
        }
        redraw(origin.source);
      } else {
        show(botMessage(data, origin, i));
      }
      break;
    case RESPONSE.MODAL:
      system('articlebot opened a form, which the playground does not show.');
      break;
    default:
      system(`articlebot answered with a response of type ${r && r.type}, which the playground does not show.`);
  }
}

async function pressButton(model, b, btn) {
  btn.disabled = true;
  btn.classList.add('loading');
  if (model.failed) { model.failed = null; redraw(model); }
  const i = interaction(INTERACTION.MESSAGE_COMPONENT, { custom_id: b.custom_id, component_type: 2 }, messageObject(model));
  await answer(i, { source: model, header: { kind: 'reply', to: model }, messageType: MESSAGE_TYPE.REPLY });
  if (btn.isConnected) {
    btn.disabled = !!b.disabled;
    btn.classList.remove('loading');
  }
}

async function useApp(model, cmd) {
  const data = {
    id: cmd.id, name: cmd.name, type: 3, target_id: model.id,
    resolved: { messages: { [model.id]: messageObject(model) } },
  };
  await answer(interaction(INTERACTION.APPLICATION_COMMAND, data),
    { header: { kind: 'command', user: app.user, name: cmd.name }, messageType: MESSAGE_TYPE.CONTEXT_MENU_COMMAND });
}

async function runCommand(parsed) {
  const cmd = parsed.command;
  const { options } = commandOptions(parsed, false);
  const data = { id: cmd.id, name: cmd.name, type: 1 };
  if (options.length > 0) data.options = options;
  await answer(interaction(INTERACTION.APPLICATION_COMMAND, data),
    { header: { kind: 'command', user: app.user, name: '/' + cmd.name }, messageType: MESSAGE_TYPE.CHAT_INPUT_COMMAND });
}

// sendMessage posts text as the person's message and shows the bot's
// reply, if it makes one: the gateway delivers every message, and the bot
// answers those that mention it with a question.
async function sendMessage(text) {
  const botMention = `<@${app.bot.id}>`;
  const content = text.replace(/@articlebot\b/gi, botMention);
  const mentions = content.includes(botMention) ? [app.bot] : [];
  const model = show({
    id: snowflake(), author: app.user, mentions, timestamp: new Date(), type: MESSAGE_TYPE.DEFAULT,
    data: { content, embeds: [], components: [], flags: 0 },
  });
  const delivered = { ...messageObject(model), guild_id: app.guild.id, member: { ...app.member, user: undefined } };
  let reply;
  try {
    reply = await post('/api/messages', delivered);
  } catch (err) {
    system(`The message could not be delivered to articlebot (${err.message}).`);
    return;
  }
  if (!reply) {
    if (mentions.length > 0) {
      model.note = 'articlebot did not reply: with its mention taken out the message asks nothing, or it answered in this channel a moment ago.';
      redraw(model);
    }
    return;
  }
  show({
    id: snowflake(), author: app.bot, timestamp: new Date(),
    type: reply.message_reference ? MESSAGE_TYPE.REPLY : MESSAGE_TYPE.DEFAULT,
    reference: reply.message_reference ? reply.message_reference.message_id : undefined,
    header: reply.message_reference ? { kind: 'reply', to: model, ping: !!(reply.allowed_mentions && reply.allowed_mentions.replied_user) } : null,
    data: messageData(reply),
  });
}

// --- the message box ---

const box = {
  items: [], // what the popup offers: {node, take}
  highlight: -1,
  closed: false, // Esc or a choice closed the popup until the next keystroke
  errors: [],
  autocomplete: { seq: 0, key: null, choices: [], loading: false, failed: false, timer: 0 },
};

function popupItem(parts, take, className) {
  const node = el('div', 'popup-item ' + (className || ''), ...parts);
  node.setAttribute('role', 'option');
  node.addEventListener('mousedown', (ev) => { ev.preventDefault(); take(); });
  return { node, take };
}

function drawPopup(header, items, note) {
  box.items = items;
  if (box.highlight >= items.length) box.highlight = -1;
  if (box.closed || (!header && items.length === 0 && !note)) {
    popup.hidden = true;
    popup.replaceChildren();
    return;
  }
  popup.replaceChildren();
  if (header) popup.append(header);
  items.forEach((it, k) => {
    it.node.classList.toggle('active', k === box.highlight);
    it.node.setAttribute('aria-selected', k === box.highlight ? 'true' : 'false');
    popup.append(it.node);
  });
  if (note) popup.append(el('div', 'popup-note', note));
  popup.hidden = false;
}

// setText puts text in the message box. With close, the popup stays closed
// until the next key: a suggestion taken needs no more suggestions.
function setText(text, close) {
  input.value = text;
  input.focus();
  input.setSelectionRange(text.length, text.length);
  box.closed = !!close;
  box.highlight = -1;
  refresh();
}

function drawBar(parsed) {
  if (parsed.kind !== 'command') {
    bar.hidden = true;
    bar.replaceChildren();
    return;
  }
  const pills = [el('span', 'bar-command', '/' + parsed.command.name)];
  for (const def of parsed.command.options || []) {
    const given = parsed.values.find((v) => v.def === def);
    const pill = el('span', 'bar-option', el('span', 'bar-option-name', def.name));
    if (given && given.raw.trim() !== '') pill.append(el('span', 'bar-option-value', given.raw.trim()));
    pill.classList.toggle('required', !!def.required);
    pill.classList.toggle('current', def === parsed.current);
    pill.classList.toggle('error', box.errors.some((e) => e.def === def));
    pills.push(pill);
  }
  const optional = (parsed.command.options || []).filter((d) => !d.required && !parsed.values.some((v) => v.def === d)).length;
  if (optional > 0) pills.push(el('span', 'bar-more', `+${optional} optional`));
  bar.replaceChildren(el('div', 'bar-pills', ...pills));
  if (box.errors.length > 0) bar.append(el('div', 'bar-error', box.errors.map((e) => e.message).join(' ')));
  bar.hidden = false;
}

// refresh redraws the option bar and the popup for the text in the box,
// asking the bot for suggestions when the option being typed has them.
function refresh() {
  const text = input.value;
  const parsed = parseLine(text, app.commands);
  drawBar(parsed);
  const ac = box.autocomplete;

  if (parsed.kind === 'name') {
    const items = parsed.matches.map((c) => popupItem([
      el('span', 'item-name', '/' + c.name), el('span', 'item-desc', c.description || ''), el('span', 'item-app', 'articlebot'),
    ], () => setText('/' + c.name + ' ')));
    drawPopup(el('div', 'popup-header', 'Commands matching ', el('b', '', '/' + parsed.prefix)), items,
      items.length === 0 ? 'No commands match. Press Enter to send it as a message.' : null);
    return;
  }
  if (parsed.kind === 'command') {
    const def = parsed.current;
    const header = def
      ? el('div', 'popup-header popup-option', el('b', 'option-name', def.name), el('span', 'option-desc', def.description || ''))
      : el('div', 'popup-header popup-option', el('b', 'option-name', '/' + parsed.command.name), el('span', 'option-desc', parsed.command.description || ''));
    if (def && def.autocomplete) {
      // A suggestion just taken, or Esc, closes the list until the next key.
      if (!box.closed) requestSuggestions(parsed, text);
      const items = ac.choices.map((c) => popupItem([el('span', 'item-name', c.name)], () => setText(withValue(text, parsed, String(c.value)), true), 'choice'));
      let note = null;
      if (ac.failed) note = 'Loading options failed';
      else if (ac.loading && items.length === 0) note = 'Loading options…';
      else if (items.length === 0) note = 'No options match your search';
      drawPopup(header, items, note);
      return;
    }
    if (def && def.choices && def.choices.length > 0) {
      const given = parsed.values.find((v) => v.def === def);
      const q = given ? given.raw.trim().toLowerCase() : '';
      const items = def.choices.filter((c) => c.name.toLowerCase().includes(q))
        .map((c) => popupItem([el('span', 'item-name', c.name)], () => setText(withValue(text, parsed, c.name), true), 'choice'));
      drawPopup(header, items, items.length === 0 ? 'No options match your search' : null);
      return;
    }
    drawPopup(header, [], null);
    return;
  }
  const mention = mentionAt(text);
  if (mention && 'articlebot'.startsWith(mention.query)) {
    const item = popupItem([
      el('span', 'item-name', displayName(app.bot)), el('span', 'app-tag', 'APP'), el('span', 'item-desc', app.bot.username),
    ], () => setText(text.slice(0, mention.start) + '@' + app.bot.username + ' '));
    drawPopup(el('div', 'popup-header', 'Members'), [item], null);
    return;
  }
  drawPopup(null, [], null);
}

// requestSuggestions sends the autocomplete interaction for the option
// being typed, once the typing pauses, unless it was sent for this text.
function requestSuggestions(parsed, text) {
  const ac = box.autocomplete;
  if (ac.key === text) return;
  ac.key = text;
  ac.loading = true;
  ac.failed = false;
  clearTimeout(ac.timer);
  const seq = ++ac.seq;
  ac.timer = setTimeout(async () => {
    if (seq !== ac.seq) return; // the text changed or was sent meanwhile
    const cmd = parsed.command;
    const data = { id: cmd.id, name: cmd.name, type: 1, options: commandOptions(parsed, true).options };
    let r = null;
    let failed = false;
    try {
      r = await post('/api/interactions', interaction(INTERACTION.AUTOCOMPLETE, data));
      failed = !r || r.type !== RESPONSE.AUTOCOMPLETE_RESULT;
    } catch {
      failed = true;
    }
    if (seq !== ac.seq) return; // the text changed meanwhile
    ac.loading = false;
    ac.failed = failed;
    ac.choices = failed ? [] : ((r.data && r.data.choices) || []);
    refresh();
  }, 120);
}

async function submit() {
  let text = input.value;
  let parsed = parseLine(text, app.commands);
  if (parsed.kind === 'name') {
    if (parsed.matches.some((c) => c.name === parsed.prefix)) {
      text += ' ';
      parsed = parseLine(text, app.commands);
    } else if (parsed.matches.length > 0) {
      setText('/' + parsed.matches[0].name + ' ');
      return;
    } else {
      parsed = { kind: 'message' };
    }
  }
  if (parsed.kind === 'command') {
    box.errors = commandOptions(parsed, false).errors;
    if (box.errors.length > 0) {
      drawBar(parsed);
      return;
    }
    clearBox();
    await runCommand(parsed);
    return;
  }
  if (text.trim() === '') return;
  clearBox();
  await sendMessage(text);
}

function clearBox() {
  input.value = '';
  box.errors = [];
  box.closed = false;
  box.highlight = -1;
  box.autocomplete.key = null;
  box.autocomplete.seq++;
  clearTimeout(box.autocomplete.timer);
  box.autocomplete.choices = [];
  refresh();
}

function onKey(ev) {
  const n = box.items.length;
  switch (ev.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (n === 0 || popup.hidden) return;
      ev.preventDefault();
      box.highlight = ev.key === 'ArrowDown' ? (box.highlight + 1) % n : (box.highlight <= 0 ? n - 1 : box.highlight - 1);
      refresh();
      return;
    case 'Tab':
      if (n === 0 || popup.hidden) return;
      ev.preventDefault();
      box.items[Math.max(box.highlight, 0)].take();
      return;
    case 'Enter':
      ev.preventDefault();
      if (n > 0 && !popup.hidden && box.highlight >= 0) {
        box.items[box.highlight].take();
        return;
      }
      submit();
      return;
    case 'Escape':
      box.closed = true;
      refresh();
  }
}

async function main() {
  const res = await fetch('/api/app');
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  app = await res.json();
  $('topic').textContent = app.title || '';
  input.addEventListener('input', () => {
    box.closed = false;
    box.errors = [];
    box.highlight = -1;
    refresh();
  });
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', () => { popup.hidden = true; });
  input.addEventListener('focus', () => refresh());
  $('composer').addEventListener('submit', (ev) => { ev.preventDefault(); submit(); });
  document.addEventListener('click', () => document.querySelectorAll('.apps-menu').forEach((m) => { m.hidden = true; }));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') document.querySelectorAll('.apps-menu').forEach((m) => { m.hidden = true; });
  });
  document.body.dataset.ready = 'true';
  input.focus();
}

main().catch((err) => system(`The playground could not start: ${err.message}`));
