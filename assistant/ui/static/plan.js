// The whole plan (a gr.HTML): table-of-contents links and search results scroll to their section; when a source
// chip opened a place (data-focus), scroll to it once the tab is visible.
function go(id) {
  const target = id && element.querySelector('#' + CSS.escape(id));
  if (!target || !target.offsetParent) return false;  // not found, or its tab is still hidden
  target.scrollIntoView({block: 'start'});
  target.focus({preventScroll: true});
  return true;
}

element.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-target]');
  if (!link || !element.contains(link)) return;
  event.preventDefault();
  go(link.dataset.target);
});

let seen = '';
function follow() {
  const plan = element.querySelector('.plan');
  if (!plan) return;
  const focus = plan.dataset.focus || '';
  const hit = plan.dataset.firstHit || '';
  const key = focus + '|' + hit;
  if (key === seen) return;
  seen = key;
  let tries = 0;
  const attempt = () => {
    let done = false;
    if (focus) {
      done = go(focus.split(':')[0]);
    } else if (hit) {
      const mark = element.querySelector('mark.hit');
      if (mark && mark.offsetParent) { mark.scrollIntoView({block: 'center'}); done = true; }
    } else {
      done = true;
    }
    if (!done && ++tries < 40) setTimeout(attempt, 50);
  };
  attempt();
}
watch('value', follow);
follow();  // the tab's content may be mounted only when the tab is first opened, already holding a place to go to
