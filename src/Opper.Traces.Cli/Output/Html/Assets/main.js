// Puts the report together.

renderHeader();
renderLegend();
initWaterfall(showDetails);
showTrace();
renderTables();
document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && selected >= 0 && !body.contains(event.target)) selectRow(-1);
});
// Drawn: tests (and anyone scripting the page) can wait for this.
document.documentElement.setAttribute('data-ready', '');
