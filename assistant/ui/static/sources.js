// The sources panel (a gr.HTML). Chips select a source (select); "open in the full plan" asks the server to open
// the 计划全文 tab at that place (click). After each update the current <mark> is scrolled into view: inside the
// text box when a new answer arrived (the page stays on the answer), and on the page too when the reader asked.
element.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button || !element.contains(button)) return;
  if (button.classList.contains('src-chip')) {
    trigger('select', {turn: Number(button.dataset.turn), n: Number(button.dataset.n)});
  } else if (button.classList.contains('src-open')) {
    trigger('click', {doc: button.dataset.doc, chapter: button.dataset.chapter, section: button.dataset.section});
  }
});

let seen = '';
watch('value', () => {
  const panel = element.querySelector('.src-panel');
  if (!panel || panel.dataset.stamp === seen) return;
  seen = panel.dataset.stamp;
  const mark = element.querySelector('mark.current');
  const box = element.querySelector('.src-text');
  if (mark && box) {  // from the top when the mark is visible there, else with the mark a third of the way down
    const bottom = mark.offsetTop + mark.offsetHeight;
    box.scrollTop = bottom <= box.clientHeight ? 0 : Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }
  if (panel.dataset.reason === 'user') {
    const target = mark || panel;
    const r = target.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) target.scrollIntoView({block: 'center'});
  }
});
