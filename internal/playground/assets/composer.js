// The message box: what the person types, read as Discord reads it. A line
// that starts with "/" and a command's name is that command, its options
// shown above the box as Discord shows them and filled by "name:value" or,
// for the first one, by plain text; any other line is a message.

const TYPES = { SUB_COMMAND: 1, SUB_COMMAND_GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11 };

// slashCommands returns the chat input commands of the application.
export function slashCommands(commands) {
  return commands.filter((c) => (c.type || 1) === 1);
}

// messageCommands returns the commands of a message's Apps menu.
export function messageCommands(commands) {
  return commands.filter((c) => c.type === 3);
}

// parseLine reads the text of the message box. It returns one of:
//   {kind: 'name', prefix, matches}: a command's name being typed;
//   {kind: 'command', command, values, current}: a command and the values
//     of its options, each {def, raw, start, end}; current is the option
//     being typed;
//   {kind: 'message'}: a message.
export function parseLine(text, commands) {
  const m = /^\/(\S*)(\s*)/.exec(text);
  if (!m) return { kind: 'message' };
  const name = m[1].toLowerCase();
  const slash = slashCommands(commands);
  if (!m[2]) return { kind: 'name', prefix: name, matches: slash.filter((c) => c.name.startsWith(name)) };
  const command = slash.find((c) => c.name === name);
  if (!command) return { kind: 'message' };
  return { kind: 'command', command, ...readOptions(text, m[0].length, command.options || []) };
}

// freeTextOption is the option that plain text after the command fills:
// the first required text option, else the first text option, else the
// first option.
function freeTextOption(defs) {
  return defs.find((d) => d.required && d.type === TYPES.STRING) ||
    defs.find((d) => d.type === TYPES.STRING) || defs[0] || null;
}

// readOptions finds the options' values in text from index from on.
function readOptions(text, from, defs) {
  const starts = [];
  const re = /(^|\s)([\w-]{1,32}):/g;
  // The blank that ends the command's name may open the first option.
  re.lastIndex = from - 1;
  let m;
  while ((m = re.exec(text))) {
    const def = defs.find((d) => d.name === m[2].toLowerCase());
    if (!def) continue;
    const at = m.index + m[1].length;
    starts.push({ def, at, valueAt: at + m[2].length + 1 });
  }
  const values = [];
  const errors = [];
  const freeEnd = starts.length > 0 ? starts[0].at : text.length;
  const free = text.slice(from, freeEnd);
  if (free.trim() !== '' || starts.length === 0) {
    const def = freeTextOption(defs);
    if (def) {
      values.push({ def, raw: free, start: from, end: freeEnd });
    } else if (free.trim() !== '') {
      errors.push({ def: null, message: 'This command takes no options.' });
    }
  }
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].at : text.length;
    if (values.some((v) => v.def === s.def)) {
      errors.push({ def: s.def, message: `${s.def.name} is given twice.` });
      return;
    }
    values.push({ def: s.def, raw: text.slice(s.valueAt, end), start: s.valueAt, end });
  });
  const current = values.length > 0 ? values[values.length - 1].def : null;
  return { values, current, errors };
}

function choiceFor(def, raw) {
  const want = raw.trim().toLowerCase();
  return (def.choices || []).find((c) => c.name.toLowerCase() === want || String(c.value).toLowerCase() === want);
}

// convert turns the text given for an option into the value Discord
// sends, or returns {error} saying why Discord would refuse it.
function convert(def, raw) {
  const v = raw.trim();
  if (v === '') return { error: `${def.name} is required.` };
  if (def.choices && def.choices.length > 0) {
    const c = choiceFor(def, v);
    return c ? { value: c.value } : { error: `${def.name} must be one of: ${def.choices.map((x) => x.name).join(', ')}.` };
  }
  switch (def.type) {
    case TYPES.STRING: {
      const n = [...v].length;
      if (def.min_length && n < def.min_length) return { error: `${def.name} needs at least ${def.min_length} characters.` };
      if (def.max_length && n > def.max_length) return { error: `${def.name} takes at most ${def.max_length} characters; this is ${n}.` };
      return { value: v };
    }
    case TYPES.INTEGER:
    case TYPES.NUMBER: {
      const ok = def.type === TYPES.INTEGER ? /^-?\d+$/.test(v) : /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v);
      const n = Number(v);
      if (!ok || !Number.isFinite(n)) return { error: `${def.name} needs a ${def.type === TYPES.INTEGER ? 'whole number' : 'number'}.` };
      if (def.min_value !== undefined && def.min_value !== null && n < def.min_value) return { error: `${def.name} must be at least ${def.min_value}.` };
      if (def.max_value && n > def.max_value) return { error: `${def.name} must be at most ${def.max_value}.` };
      return { value: n };
    }
    case TYPES.BOOLEAN:
      if (/^(true|yes)$/i.test(v)) return { value: true };
      if (/^(false|no)$/i.test(v)) return { value: false };
      return { error: `${def.name} must be True or False.` };
  }
  return { error: `The playground cannot fill ${def.name}: it picks no users, channels, roles or files.` };
}

// commandOptions returns the options of the interaction for a parsed
// command line and the problems Discord would not send it with. For an
// autocomplete request, the option being typed goes as typed, marked
// focused, and nothing is required.
export function commandOptions(parsed, autocomplete) {
  const errors = [...parsed.errors];
  const options = [];
  for (const def of parsed.command.options || []) {
    const given = parsed.values.find((v) => v.def === def);
    if (autocomplete && def === parsed.current) {
      options.push({ name: def.name, type: def.type, value: given ? given.raw.replace(/^\s+/, '') : '', focused: true });
      continue;
    }
    if (!given || given.raw.trim() === '') {
      if (def.required && !autocomplete) errors.push({ def, message: `${def.name} is required.` });
      continue;
    }
    const c = convert(def, given.raw);
    if (c.error) {
      if (!autocomplete) errors.push({ def, message: c.error });
      continue;
    }
    options.push({ name: def.name, type: def.type, value: c.value });
  }
  return { options, errors };
}

// withValue returns text with the value of the option being typed
// replaced by value.
export function withValue(text, parsed, value) {
  const v = parsed.values.find((x) => x.def === parsed.current);
  if (!v) return text.replace(/\s*$/, ' ') + value;
  const lead = /^\s*/.exec(text.slice(v.start, v.end))[0];
  const tail = text.slice(v.end);
  return text.slice(0, v.start) + lead + value + (tail && !/^\s/.test(tail) ? ' ' : '') + tail;
}

// mentionAt returns the "@name" being typed at the end of text, if any.
export function mentionAt(text) {
  const m = /(^|\s)@([\w.-]*)$/.exec(text);
  return m ? { query: m[2].toLowerCase(), start: m.index + m[1].length } : null;
}
