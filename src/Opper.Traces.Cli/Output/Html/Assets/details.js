// The details panel: the selected span (type, model, tokens, duration, self time, error,
// input/output preview, metrics, meta), or the trace's own input and output when none is selected.

const panel = document.getElementById('details');

function field(list, term, value, className) {
  if (value == null || value === '') return;
  const dd = el('dd', className);
  if (value instanceof Node) dd.append(value);
  else dd.textContent = String(value);
  list.append(el('dt', null, term), dd);
}

/** A block of text with a note when the report holds only its beginning. */
function textBlock(title, text, fullLength) {
  const nodes = [el('h3', null, title), el('pre', null, text)];
  if (fullLength) nodes.push(el('div', 'cut', 'The first ' + count(text.length) + ' of ' + count(fullLength) + ' characters.'));
  return nodes;
}

function spanLink(i) {
  const link = el('button', 'link', SPANS[i][NAME]);
  link.type = 'button';
  link.addEventListener('click', () => revealRow(i));
  return link;
}

function showSpan(i) {
  const span = SPANS[i];
  const more = DETAILS[i] || {};
  const flags = span[FLAGS];
  const nodes = [];

  const top = el('div', 'd-head ' + colour(span[TYPE]));
  top.append(el('span', 'swatch'), el('span', null, span[TYPE]));
  if (flags & CRITICAL) top.append(el('span', 'pill crit', 'critical path'));
  if (flags & ERROR) top.append(el('span', 'pill err', 'error'));
  if (flags & ORPHAN) top.append(el('span', 'pill', 'orphan'));
  const close = el('button', 'd-close', '×');
  close.type = 'button';
  close.title = 'Close (Esc)';
  close.setAttribute('aria-label', 'Close the details');
  close.addEventListener('click', () => selectRow(-1));
  top.append(close);
  nodes.push(top, el('h2', null, span[NAME]));
  if (more.error) nodes.push(el('div', 'd-error', more.error + (more.errorLength ? ' …' : '')));

  const list = el('dl', 'd-grid');
  field(list, 'Duration', ms(span[DURATION]));
  if (span[SELF] != null) {
    const self = el('div', null, ms(span[SELF]));
    if (span[DURATION] > 0) {
      const bar = el('div', 'self-bar ' + colour(span[TYPE]));
      const fill = el('span');
      fill.style.width = Math.min(100, (span[SELF] / span[DURATION]) * 100) + '%';
      bar.append(fill);
      self.append(bar);
      self.title = percent(span[SELF] / span[DURATION]) + ' of its duration is its own';
    }
    field(list, 'Self time', self);
  }
  field(list, 'Starts at', span[START] != null ? '+' + ms(span[START]) : null);
  field(list, 'Model', span[MODEL]);
  field(list, 'Tokens', span[TOKENS] != null ? count(span[TOKENS]) : null);
  field(list, 'Score', more.score);
  field(list, 'Function', more.function);
  field(list, 'Tags', more.tags ? more.tags.join(', ') : null);
  field(list, 'Start', more.start, 'mono');
  field(list, 'End', more.end, 'mono');
  field(list, 'Span id', span[ID] === '' ? '(none)' : span[ID], 'mono');
  if (span[PARENT] >= 0) field(list, 'Parent', spanLink(span[PARENT]));
  else if (more.parentId) field(list, 'Parent id', more.parentId + ' (not in this trace)', 'mono');
  field(list, 'Depth', span[DEPTH]);
  nodes.push(list);

  if (more.input) nodes.push(...textBlock('Input', more.input, more.inputLength));
  if (more.output) nodes.push(...textBlock('Output', more.output, more.outputLength));
  if (more.instructions) nodes.push(...textBlock('Instructions', more.instructions, more.instructionsLength));
  if (more.metrics) {
    nodes.push(el('h3', null, 'Metrics'));
    const table = el('table');
    const header = el('tr');
    header.append(el('th', null, 'Dimension'), el('th', null, 'Value'), el('th', null, 'Comment'));
    table.append(header);
    for (const [dimension, value, comment] of more.metrics) {
      const row = el('tr');
      row.append(el('td', 'text', dimension), el('td', null, value == null ? '–' : NUMBER3.format(value)), el('td', 'text', comment || ''));
      table.append(row);
    }
    nodes.push(table);
    if (more.metricCount) nodes.push(el('div', 'cut', count(more.metrics.length) + ' of ' + count(more.metricCount) + ' metrics.'));
  }
  if (more.meta) {
    const box = el('details');
    box.append(el('summary', null, 'Meta'), ...textBlock('', more.meta, more.metaLength).slice(1));
    nodes.push(box);
  }
  panel.replaceChildren(...nodes);
  panel.classList.add('span');
  panel.scrollTop = 0;
}

function showTrace() {
  const trace = DATA.trace;
  const nodes = [el('h2', null, 'Details'), el('p', 'hint', 'Click a span, or move with ↑ ↓ and press Enter, to see its type, model, tokens, timing, error, input and output.')];
  if (trace.input) nodes.push(...textBlock('Trace input', trace.input, trace.inputLength));
  if (trace.output) nodes.push(...textBlock('Trace output', trace.output, trace.outputLength));
  panel.replaceChildren(...nodes);
  panel.classList.remove('span');
}

function showDetails(i) {
  if (i >= 0) showSpan(i);
  else showTrace();
}
