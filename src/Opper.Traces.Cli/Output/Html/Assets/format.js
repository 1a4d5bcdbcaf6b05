// Data, formatting and DOM helpers shared by the parts of the report.
// Text from the trace only ever reaches the page through textContent and attributes, never as markup.

const DATA = JSON.parse(document.getElementById('report-data').textContent);
const SPANS = DATA.spans;
const DETAILS = DATA.details;
const EXTENT = DATA.extentMs > 0 ? DATA.extentMs : 1;
const ROW_HEIGHT = 24;
const INDENT = 14;

// Fields of a span row (ReportData.WriteRow) and its flags.
const ID = 0, NAME = 1, TYPE = 2, DEPTH = 3, START = 4, DURATION = 5, SELF = 6, MODEL = 7, TOKENS = 8, FLAGS = 9, PARENT = 10;
const CRITICAL = 1, ERROR = 2, ORPHAN = 4;

// Whether any span can be placed on the time axis.
const HAS_TIMING = SPANS.some(span => span[START] != null && span[DURATION] != null);

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const NUMBER3 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

function count(n) {
  return n == null ? '–' : NUMBER.format(n);
}

/** Milliseconds in full, for details and tables: "1,845 ms", "3,421.5 ms". */
function ms(v) {
  return v == null ? '–' : NUMBER.format(v) + ' ms';
}

/** A duration short enough for a bar label or a tick: "845 ms", "6.46 s", "1m 05s". */
function duration(v) {
  if (v == null) return '–';
  if (v < 10) return NUMBER3.format(Math.round(v * 100) / 100) + ' ms';
  if (v < 1000) return Math.round(v) + ' ms';
  if (v < 10000) return trim((v / 1000).toFixed(2)) + ' s';
  if (v < 60000) return trim((v / 1000).toFixed(1)) + ' s';
  let minutes = Math.floor(v / 60000);
  let seconds = Math.round((v - minutes * 60000) / 1000);
  if (seconds === 60) { minutes += 1; seconds = 0; }
  if (minutes >= 60) return Math.floor(minutes / 60) + 'h ' + String(minutes % 60).padStart(2, '0') + 'm';
  return minutes + 'm ' + String(seconds).padStart(2, '0') + 's';
}

function trim(fixed) {
  return fixed.indexOf('.') < 0 ? fixed : fixed.replace(/\.?0+$/, '');
}

/** Tokens in a badge: "612", "1.8k", "24k", "1.2M". */
function tokens(n) {
  if (n < 1000) return String(n);
  if (n < 10000) return trim((n / 1000).toFixed(1)) + 'k';
  if (n < 1000000) return Math.round(n / 1000) + 'k';
  return trim((n / 1000000).toFixed(1)) + 'M';
}

function percent(fraction) {
  return fraction == null ? '–' : NUMBER.format(fraction * 100) + '%';
}

/** An element with a class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

/** The part of a model name after its provider: "openai/gpt-4o-mini" → "gpt-4o-mini". */
function shortModel(model) {
  const slash = model.lastIndexOf('/');
  return slash >= 0 && slash < model.length - 1 ? model.substring(slash + 1) : model;
}

// Colours: Opper's span types keep their colour from trace to trace; other types take the
// palette's free colours in order of first appearance; "unknown" is grey.
const FIXED_SLOTS = { call: 0, generation: 1, tool: 2, http: 3, function: 4, cache: 5, validation: 6, retrieval: 7, embedding: 8 };
const UNKNOWN_SLOT = 11;
const PALETTE_SIZE = 11;
const SLOTS = new Map();
(function assignSlots() {
  const used = new Set();
  const others = [];
  for (const span of SPANS) {
    const type = span[TYPE];
    if (SLOTS.has(type)) continue;
    if (Object.prototype.hasOwnProperty.call(FIXED_SLOTS, type)) {
      SLOTS.set(type, FIXED_SLOTS[type]);
      used.add(FIXED_SLOTS[type]);
    } else if (type === 'unknown') {
      SLOTS.set(type, UNKNOWN_SLOT);
    } else {
      SLOTS.set(type, -1);
      others.push(type);
    }
  }
  const free = [];
  for (let slot = 0; slot < PALETTE_SIZE; slot++) if (!used.has(slot)) free.push(slot);
  others.forEach((type, i) => SLOTS.set(type, free.length > 0 ? free[i % free.length] : i % PALETTE_SIZE));
})();

/** The colour class of a span type: "c0" … "c11". */
function colour(type) {
  const slot = SLOTS.get(type);
  return 'c' + (slot === undefined || slot < 0 ? UNKNOWN_SLOT : slot);
}

/** The spans of each type, most frequent first. */
function typeCounts() {
  const counts = new Map();
  for (const span of SPANS) counts.set(span[TYPE], (counts.get(span[TYPE]) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
