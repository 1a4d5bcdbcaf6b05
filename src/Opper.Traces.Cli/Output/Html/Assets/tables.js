// The header (name, id, numbers at a glance), the legend, and the summary tables.

function stat(list, term, value, note, bad, title) {
  const box = el('div', 'stat' + (bad ? ' bad' : ''));
  const dd = el('dd', null, value);
  if (note) dd.append(el('small', null, note));
  box.append(el('dt', null, term), dd);
  if (title) box.title = title;
  list.append(box);
}

function renderHeader() {
  const trace = DATA.trace;
  const summary = DATA.summary;
  document.getElementById('trace-name').textContent = trace.name || '(unnamed)';
  const status = document.getElementById('trace-status');
  if (trace.status) {
    status.textContent = trace.status;
    status.classList.add(trace.status === 'success' ? 'ok' : trace.status === 'error' || trace.status === 'failed' ? 'bad' : 'other');
  } else {
    status.remove();
  }

  const sub = document.getElementById('trace-sub');
  sub.append('id ', el('span', 'mono', trace.id || '(none)'));
  if (trace.start) sub.append(' · started ', el('span', 'mono', trace.start));

  const list = document.getElementById('stats');
  const traceDuration = trace.durationMs != null ? trace.durationMs : HAS_TIMING ? DATA.extentMs : null;
  stat(list, 'Duration', duration(traceDuration), null, false, ms(traceDuration));
  stat(list, 'Spans', count(summary.spanCount), summary.maxDepth > 0 ? count(summary.maxDepth + 1) + ' levels' : null);
  const tokenNote = trace.tokens != null && trace.tokens !== summary.totalTokens ? 'trace says ' + count(trace.tokens) : null;
  stat(list, 'Tokens', count(summary.totalTokens), tokenNote, false, 'Sum of the spans\' total tokens');
  stat(list, 'Errors', count(summary.errorCount), null, summary.errorCount > 0);
  stat(list, 'Critical path', count(summary.criticalCount), summary.criticalCount === 1 ? 'span' : 'spans', false,
    'The chain of spans that decided when the trace ended');
  if (summary.generationWallTimeMs > 0) {
    stat(list, 'Generation', duration(summary.generationWallTimeMs), summary.generationWallShare != null ? percent(summary.generationWallShare) + ' of wall' : null,
      false, 'Wall time with at least one generation running');
  }
  if (DATA.byModel.length > 0) stat(list, 'Models', count(DATA.byModel.length));

  if (DATA.problems.length > 0) {
    const problems = document.getElementById('problems');
    for (const [kind, message] of DATA.problems.slice(0, 20)) problems.append(el('li', null, kind + ': ' + message));
    if (DATA.problems.length > 20) problems.append(el('li', null, '… and ' + count(DATA.problems.length - 20) + ' more problems.'));
    problems.hidden = false;
  }
}

function renderLegend() {
  const legend = document.getElementById('legend');
  for (const [type, n] of typeCounts()) {
    const item = el('span', 'item ' + colour(type));
    item.setAttribute('role', 'listitem');
    item.append(el('span', 'swatch'), el('b', null, type), el('span', null, count(n)));
    legend.append(item);
  }
  legend.append(el('span', 'sep'));
  const critical = el('span', 'item');
  critical.setAttribute('role', 'listitem');
  critical.append(el('span', 'key-bar crit'), 'critical path');
  const error = el('span', 'item');
  error.setAttribute('role', 'listitem');
  error.append(el('span', 'key-bar err'), 'error');
  legend.append(critical, error);
}

function card(title, headers, rows, wide) {
  const box = el('div', wide ? 'card wide' : 'card');
  box.append(el('h2', null, title));
  const table = el('table');
  const head = el('tr');
  for (const h of headers) head.append(el('th', null, h));
  table.append(head);
  for (const cells of rows) {
    const row = el('tr');
    for (const cell of cells) row.append(cell instanceof Node ? cell : el('td', null, cell));
    table.append(row);
  }
  box.append(table);
  return box;
}

function labelCell(text, className) {
  const td = el('td', 'text fill ' + (className || ''));
  if (className) td.append(el('span', 'swatch'));
  td.append(text);
  return td;
}

function shareCell(text, fraction, className) {
  const td = el('td', className || null, text);
  const share = el('span', 'share');
  const fill = el('span');
  fill.style.width = Math.max(0, Math.min(100, fraction * 100)) + '%';
  share.append(fill);
  td.append(share);
  return td;
}

function renderTables() {
  const tables = document.getElementById('tables');
  const totalTime = DATA.byType.reduce((sum, t) => sum + t[2], 0) || 1;
  tables.append(card('Time by span type', ['Type', 'Spans', 'Total', 'Average', 'p50', 'p95', 'Max'],
    DATA.byType.map(([type, n, total, average, , max, p50, p95]) => [
      labelCell(type, colour(type)), count(n), shareCell(ms(total), total / totalTime, colour(type)), ms(average), ms(p50), ms(p95), ms(max),
    ]), true));

  if (DATA.byModel.length > 0) {
    const totalTokens = DATA.byModel.reduce((sum, m) => sum + m[2], 0) || 1;
    tables.append(card('Models', ['Model', 'Calls', 'Tokens', 'Time'],
      DATA.byModel.map(([model, calls, tokenCount, total]) => [labelCell(model), count(calls), shareCell(count(tokenCount), tokenCount / totalTokens), ms(total)])));
  }

  const critical = [];
  const errors = [];
  for (let i = 0; i < SPANS.length; i++) {
    if (SPANS[i][FLAGS] & CRITICAL) critical.push(i);
    if (SPANS[i][FLAGS] & ERROR) errors.push(i);
  }
  const link = (i, fill) => {
    const td = el('td', 'text ' + (fill ? 'fill ' : '') + colour(SPANS[i][TYPE]));
    td.append(el('span', 'swatch'), spanLink(i));
    return td;
  };
  if (critical.length > 0) {
    tables.append(card('Critical path', ['Span', 'Duration', 'Self time'],
      critical.slice(0, 200).map(i => [link(i, true), ms(SPANS[i][DURATION]), ms(SPANS[i][SELF])])));
  }
  if (errors.length > 0) {
    tables.append(card('Errors', ['Span', 'Error'],
      errors.slice(0, 200).map(i => [link(i), el('td', 'text wrap mono', (DETAILS[i] && DETAILS[i].error) || '')])));
  }
  if (DATA.metrics.length > 0) {
    tables.append(card('Metrics', ['Dimension', 'Count', 'Mean', 'Min', 'Max'],
      DATA.metrics.map(([dimension, n, mean, min, max]) => [labelCell(dimension), count(n), NUMBER3.format(mean), NUMBER3.format(min), NUMBER3.format(max)])));
  }
  const [scoreCount, scoreMean, scoreMin, scoreMax] = DATA.scores;
  if (scoreCount > 0) {
    tables.append(card('Scores', ['Spans', 'Mean', 'Min', 'Max'],
      [[count(scoreCount), NUMBER3.format(scoreMean), NUMBER3.format(scoreMin), NUMBER3.format(scoreMax)]]));
  }
}
