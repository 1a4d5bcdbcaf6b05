// The waterfall: a time axis with ticks and one row per span in walk order. Only the rows in
// view are in the page (virtual rows over a spacer of the full height), so 20,000 spans scroll
// as smoothly as 20. Rows are focusable (one at a time: roving tabindex) and answer the arrow
// keys, Home/End, Page Up/Down, Enter and Escape.

const scroller = document.getElementById('wf-scroll');
const head = document.getElementById('wf-head');
const body = document.getElementById('wf-body');
const axis = document.getElementById('wf-axis');
const grid = document.getElementById('wf-grid');
const shown = new Map(); // row index → element, always one contiguous range
let current = 0;         // the row that Tab reaches
let selected = -1;       // the row whose details are shown
let pending = false;
let onSelect = () => {};
let matches = null;      // with a search: 1 for each row that matches it

/** The rows [first, last) that the scroller shows below its sticky head. */
function visibleRange() {
  const top = scroller.scrollTop;
  const height = scroller.clientHeight - head.offsetHeight;
  const first = Math.min(SPANS.length, Math.max(0, Math.floor(top / ROW_HEIGHT)));
  const last = Math.min(SPANS.length, Math.max(first, Math.ceil((top + height) / ROW_HEIGHT)));
  return [first, last];
}

/** Puts exactly the visible rows in the page, in walk order, keeping rows that stay in view. */
function render() {
  pending = false;
  const [first, last] = visibleRange();
  for (const [i, row] of shown) {
    if (i < first || i >= last) {
      row.remove();
      shown.delete(i);
    }
  }
  let low = Infinity;
  for (const i of shown.keys()) low = Math.min(low, i);
  const before = shown.get(low) || null;
  for (let i = first; i < last; i++) {
    if (shown.has(i)) continue;
    const row = makeRow(i);
    shown.set(i, row);
    body.insertBefore(row, i < low ? before : null);
  }
}

function schedule() {
  if (!pending) {
    pending = true;
    requestAnimationFrame(render);
  }
}

function makeRow(i) {
  const span = SPANS[i];
  const flags = span[FLAGS];
  let cls = 'row ' + colour(span[TYPE]);
  if (flags & CRITICAL) cls += ' critical';
  if (flags & ERROR) cls += ' error';
  if (i === selected) cls += ' selected';
  if (matches && matches[i]) cls += ' match';
  const row = el('div', cls);
  row.setAttribute('role', 'row');
  row.setAttribute('data-span-id', span[ID]);
  row.setAttribute('data-depth', span[DEPTH]);
  row.setAttribute('data-row', i);
  row.setAttribute('aria-rowindex', i + 1);
  row.setAttribute('aria-level', span[DEPTH] + 1);
  row.setAttribute('aria-selected', i === selected ? 'true' : 'false');
  row.tabIndex = i === current ? 0 : -1;
  row.style.top = i * ROW_HEIGHT + 'px';

  const name = el('div', 'cell-name');
  name.setAttribute('role', 'gridcell');
  const indent = el('span', 'indent');
  indent.style.width = span[DEPTH] * INDENT + 'px';
  name.append(indent, el('span', 'swatch'), el('span', 'name', span[NAME]));
  if (flags & ERROR) {
    const icon = el('span', 'err-icon', '!');
    icon.title = 'This span has an error';
    name.append(icon);
  }
  if (span[TOKENS] != null) {
    const badge = el('span', 'tok', tokens(span[TOKENS]) + ' tok');
    badge.title = count(span[TOKENS]) + ' tokens';
    name.append(badge);
  }

  const lane = el('div', 'cell-bar');
  lane.setAttribute('role', 'gridcell');
  if (span[START] != null && span[DURATION] != null) {
    const left = (span[START] / EXTENT) * 100;
    const width = (span[DURATION] / EXTENT) * 100;
    const bar = el('div', 'bar');
    bar.style.left = left + '%';
    bar.style.width = width + '%';
    const text = duration(span[DURATION]) + (span[MODEL] != null ? ' · ' + shortModel(span[MODEL]) : '');
    const label = el('span', 'bar-label', text);
    if (left + width <= 82) {
      label.style.left = 'calc(' + (left + width) + '% + 6px)';
    } else if (left >= 18) {
      label.style.right = 'calc(' + (100 - left) + '% + 6px)';
    } else {
      label.classList.add('inside');
      label.style.left = 'calc(' + left + '% + 8px)';
    }
    lane.append(bar, label);
    row.title = span[NAME] + ' · ' + ms(span[DURATION]);
  } else {
    lane.append(el('span', 'bar-label none', span[DURATION] != null ? ms(span[DURATION]) + ', no start time' : 'no timing'));
  }
  row.append(name, lane);
  return row;
}

/** A step of 1, 2, 2.5 or 5 × 10^k ms that gives about `target` ticks. */
function tickStep(target) {
  const raw = EXTENT / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Tick labels over the axis and lines down the rows, at round times. */
function drawTicks() {
  const width = axis.clientWidth || 600;
  const step = tickStep(Math.max(2, Math.floor(width / 110)));
  axis.replaceChildren();
  grid.replaceChildren();
  if (!HAS_TIMING) return;
  const ticks = Math.floor(EXTENT / step + 1e-9);
  for (let k = 0; k <= ticks; k++) {
    const t = k * step;
    const at = (t / EXTENT) * 100 + '%';
    const label = el('span', 'tick-label' + (k === 0 ? ' first' : ''), k === 0 ? '0' : duration(t));
    label.style.left = at;
    if (at === '100%') label.classList.add('last');
    axis.append(label);
    const line = el('span', 'tick-line');
    line.style.left = at;
    grid.append(line);
  }
}

function rowIndexOf(target) {
  const row = target instanceof Element ? target.closest('.row') : null;
  return row && body.contains(row) ? Number(row.getAttribute('data-row')) : -1;
}

/** Scrolls the waterfall (and, when needed, the page) so that row i is in view and Tab reaches it; returns its element. */
function scrollToRow(i) {
  const previous = shown.get(current);
  if (previous) previous.tabIndex = -1;
  current = i;
  const top = i * ROW_HEIGHT;
  const height = scroller.clientHeight - head.offsetHeight;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + ROW_HEIGHT > scroller.scrollTop + height) scroller.scrollTop = top + ROW_HEIGHT - height;
  render();
  const row = shown.get(i);
  if (row) {
    row.tabIndex = 0;
    const box = row.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) row.scrollIntoView({ block: 'nearest' });
  }
  return row;
}

/** Brings row i into view and focuses it. */
function focusRow(i) {
  const row = scrollToRow(Math.max(0, Math.min(SPANS.length - 1, i)));
  if (row) row.focus({ preventScroll: true });
}

/** Marks the rows whose name, type, model or id contains the text (any case); returns how many. */
function search(text) {
  const query = text.trim().toLowerCase();
  let found = 0;
  matches = null;
  if (query) {
    matches = new Uint8Array(SPANS.length);
    for (let i = 0; i < SPANS.length; i++) {
      const span = SPANS[i];
      if (span[NAME].toLowerCase().includes(query) || span[TYPE].toLowerCase().includes(query)
        || span[ID].toLowerCase().includes(query) || (span[MODEL] != null && span[MODEL].toLowerCase().includes(query))) {
        matches[i] = 1;
        found++;
      }
    }
  }
  for (const [i, row] of shown) row.classList.toggle('match', !!(matches && matches[i]));
  return found;
}

/** Shows and selects the next row that matches the search after the selected one (before it with step -1); -1 when none. */
function showMatch(step) {
  if (!matches) return -1;
  const n = SPANS.length;
  const from = selected >= 0 ? selected : step > 0 ? -1 : 0;
  for (let k = 1; k <= n; k++) {
    const i = (((from + step * k) % n) + n) % n;
    if (matches[i]) {
      scrollToRow(i);
      selectRow(i);
      return i;
    }
  }
  return -1;
}

/** Selects row i (-1: none): marks it and shows its details. */
function selectRow(i) {
  selected = i;
  for (const [k, row] of shown) {
    row.classList.toggle('selected', k === i);
    row.setAttribute('aria-selected', k === i ? 'true' : 'false');
  }
  onSelect(i);
}

function pageRows() {
  return Math.max(1, Math.floor((scroller.clientHeight - head.offsetHeight) / ROW_HEIGHT) - 1);
}

function onKey(event) {
  const i = rowIndexOf(event.target);
  if (i < 0) return;
  let next = null;
  switch (event.key) {
    case 'ArrowDown': next = i + 1; break;
    case 'ArrowUp': next = i - 1; break;
    case 'PageDown': next = i + pageRows(); break;
    case 'PageUp': next = i - pageRows(); break;
    case 'Home': next = 0; break;
    case 'End': next = SPANS.length - 1; break;
    case 'ArrowLeft': next = SPANS[i][PARENT] >= 0 ? SPANS[i][PARENT] : i; break;
    case 'ArrowRight': next = i + 1 < SPANS.length && SPANS[i + 1][PARENT] === i ? i + 1 : i; break;
    case 'Enter':
    case ' ':
      event.preventDefault();
      selectRow(i);
      return;
    case 'Escape':
      selectRow(-1);
      return;
    default:
      return;
  }
  event.preventDefault();
  focusRow(next);
}

function initWaterfall(select) {
  onSelect = select;
  body.style.height = SPANS.length * ROW_HEIGHT + 'px';
  body.setAttribute('aria-rowcount', SPANS.length);
  document.getElementById('wf-name-head').textContent = 'Span · ' + count(SPANS.length);
  drawTicks();
  render();
  scroller.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', () => { drawTicks(); schedule(); });
  body.addEventListener('keydown', onKey);
  body.addEventListener('click', event => {
    const i = rowIndexOf(event.target);
    if (i >= 0) {
      focusRow(i);
      selectRow(i);
    }
  });
  // When the row that Tab reaches has scrolled away, the scroller itself takes focus: hand it on.
  scroller.addEventListener('focus', event => {
    if (event.target === scroller && SPANS.length > 0) focusRow(shown.has(current) ? current : visibleRange()[0]);
  });
}

/** Shows row i in the waterfall, focused and selected (from the tables and the details). */
function revealRow(i) {
  focusRow(i);
  selectRow(i);
}
