// Puts the report together.

renderHeader();
renderLegend();
initWaterfall(showDetails);
showTrace();
renderTables();
const find = document.getElementById('find');
const findCount = document.getElementById('find-count');
find.addEventListener('input', () => {
  const found = search(find.value);
  findCount.textContent = find.value.trim() ? count(found) + (found === 1 ? ' span' : ' spans') : '';
});
find.addEventListener('keydown', event => {
  if (event.key === 'Enter') {
    event.preventDefault();
    showMatch(event.shiftKey ? -1 : 1);
  }
});
document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && selected >= 0 && !body.contains(event.target)) selectRow(-1);
});
// Drawn: tests (and anyone scripting the page) can wait for this.
document.documentElement.setAttribute('data-ready', '');
